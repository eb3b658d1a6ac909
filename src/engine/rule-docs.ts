import type { Effect, PlatformId, Severity } from './types';
import { rules } from './rules';

/** What hosts show about a rule: SARIF driver entries, hovers, the rules list. */
export interface RuleDoc {
  id: string;
  title: string;
  description: string;
  remediation: string;
  platforms: PlatformId[];
  effect: Effect;
  defaultSeverity: Severity;
  sources: string[];
}

/** Findings the engine reports itself; they have docs pages like rules. */
export const ENGINE_RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'parse-error',
    title: 'The file could not be parsed',
    description: 'A YAML or JSON syntax error in a file that holds (or looks like it holds) a manifest. Offload analyses the documents that do parse.',
    remediation: 'Fix the syntax at the marked position.',
    platforms: [],
    effect: 'advice',
    defaultSeverity: 'error',
    sources: ['YAML 1.2 specification', 'RFC 8259 (JSON)'],
  },
  {
    id: 'internal-error',
    title: 'A rule failed on this document',
    description: 'A rule threw an exception on one document. The other rules and files were still analysed.',
    remediation: 'Report the document (or a reduced copy) to the Offload maintainers.',
    platforms: [],
    effect: 'advice',
    defaultSeverity: 'error',
    sources: ['Offload'],
  },
  {
    id: 'config-error',
    title: 'Problem in .offload.yaml',
    description: 'A setting in .offload.yaml is unknown or has a value of the wrong kind. The valid settings still apply.',
    remediation: 'Correct the setting; the JSON schema (schemas/offload-config.schema.json) gives completion in editors with Red Hat YAML.',
    platforms: [],
    effect: 'advice',
    defaultSeverity: 'warning',
    sources: ['Offload'],
  },
  {
    id: 'orchestrator-change',
    title: 'Written for the other orchestrator',
    description: 'A Kubernetes workload would need rewriting as an ECS task definition and service to run on ECS, and an ECS task or compose service as Kubernetes manifests to run on EKS. This is a reason in fit results, never a finding.',
    remediation: 'Keep the orchestrator the manifests are written for, unless the move is intended.',
    platforms: ['ecs-ec2', 'ecs-fargate', 'eks-ec2', 'eks-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'info',
    sources: ['Offload'],
  },
];

export function ruleDocs(): RuleDoc[] {
  const fromRules = rules.map((r) => ({
    id: r.meta.id,
    title: r.meta.title,
    description: r.meta.description,
    remediation: r.meta.remediation,
    platforms: r.meta.platforms,
    effect: r.meta.effect,
    defaultSeverity: r.meta.defaultSeverity,
    sources: r.meta.sources,
  }));
  return [...fromRules, ...ENGINE_RULE_DOCS];
}
