import type { SourceNode } from '../source/source-node';
import { str } from '../source/source-node';
import { EKS_FARGATE_RULES } from '../knowledge/fargate-sizes';
import { defineRule } from './define-rule';
import { isTemplatedValue, replaceScalarText } from '../rule-helpers/pod-helpers';

const COMPUTE_TYPE = 'eks.amazonaws.com/compute-type';
const WINDOWS_BUILD = 'node.kubernetes.io/windows-build';

/** The Kubernetes spellings of the OS and architectures EKS Fargate offers. */
const FARGATE_OS = EKS_FARGATE_RULES.os.map((o) => o.toLowerCase());
const FARGATE_ARCH = EKS_FARGATE_RULES.arch.map((a) => (a === 'X86_64' ? 'amd64' : a === 'ARM64' ? 'arm64' : a.toLowerCase()));

type Dimension = 'os' | 'arch' | 'computeType' | 'windowsBuild';

/** Node labels whose values decide whether a Fargate node can match, and the values a Fargate node carries. */
const LABELS: Record<string, { dim: Dimension; fargate: string[] }> = {
  'kubernetes.io/os': { dim: 'os', fargate: FARGATE_OS },
  'beta.kubernetes.io/os': { dim: 'os', fargate: FARGATE_OS },
  'kubernetes.io/arch': { dim: 'arch', fargate: FARGATE_ARCH },
  'beta.kubernetes.io/arch': { dim: 'arch', fargate: FARGATE_ARCH },
  [COMPUTE_TYPE]: { dim: 'computeType', fargate: ['fargate'] },
  // Only Windows nodes carry it; a Fargate node never does.
  [WINDOWS_BUILD]: { dim: 'windowsBuild', fargate: [] },
};

const COMPUTE_NAMES: Record<string, string> = { ec2: 'EC2', auto: 'EKS Auto Mode', hybrid: 'hybrid' };

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function why(dim: Dimension, values: string[]): string {
  switch (dim) {
    case 'os':
      return `EKS Fargate runs ${FARGATE_OS.map(capitalize).join('/')} pods only${values.some((v) => v === 'windows') ? ', not Windows' : ''}`;
    case 'arch':
      return `EKS Fargate runs on ${FARGATE_ARCH.join('/')} (x86_64) only${values.includes('arm64') ? ', not Arm (Graviton)' : ''}`;
    case 'windowsBuild':
      return 'that label exists only on Windows nodes, and EKS Fargate runs Linux pods only';
    case 'computeType': {
      // NotIn [fargate] names no compute type: it only keeps the pod away from Fargate.
      if (!values.length) return 'it keeps the pod off Fargate nodes on purpose';
      return `it asks for ${values.map((v) => COMPUTE_NAMES[v] ?? `"${v}"`).join(' or ')} nodes, not Fargate`;
    }
  }
}

/**
 * Whether a Fargate node satisfies one nodeSelectorRequirement. Unknown keys and
 * operators count as satisfied: the rule only reports what it can prove.
 */
function fargateSatisfies(key: string, operator: string | undefined, values: string[]): boolean {
  const label = LABELS[key];
  if (!label) return true;
  const has = label.fargate.length > 0;
  const matches = values.some((v) => label.fargate.includes(v));
  switch (operator) {
    case 'In':
      return has && matches;
    case 'NotIn':
      return !has || !matches;
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return true;
  }
}

export default defineRule({
  meta: {
    id: 'eks-fargate-node-selector',
    title: 'Node selectors and affinities that Fargate nodes cannot match',
    description: 'Flags nodeSelector entries and required node affinities that ask for Windows, Arm (arm64) or non-Fargate compute (eks.amazonaws.com/compute-type other than fargate). EKS Fargate runs Linux x86_64 pods only.',
    remediation: 'Drop the selector if the image is multi-arch Linux, or run the workload on an EC2 node group (Windows, Graviton) as the selector intends.',
    formats: ['kubernetes'],
    // ECS on Fargate runs Windows and ARM64 tasks, so only EKS Fargate is blocked.
    platforms: ['eks-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: [
      'Amazon EKS User Guide: AWS Fargate considerations (latest/ug/nodes/fargate.adoc): comparison table (Linux x86 only; no Arm, no Windows)',
      'AWS Fargate pricing page: Windows and ARM are available for Amazon ECS only',
      'Kubernetes documentation: well-known labels (kubernetes.io/os, kubernetes.io/arch, node.kubernetes.io/windows-build) and node affinity operators',
    ],
    messages: {
      selector: '{{kind}} "{{name}}" has nodeSelector {{key}}: {{value}}; {{why}}.',
      affinity: '{{kind}} "{{name}}" requires node affinity "{{expression}}"; {{why}}.',
    },
    scope: 'document',
  },
  check(ctx) {
    const text = ctx.text();
    for (const w of ctx.pods()) {
      for (const e of w.pod.nodeSelector?.entries() ?? []) {
        const label = e.key !== undefined ? LABELS[e.key] : undefined;
        const value = str(e);
        if (!label || value === undefined || isTemplatedValue(w.doc, text, e)) continue;
        if (label.fargate.includes(value)) continue;
        // For an arch selector, amd64 is a plausible choice when the image is multi-arch; never for Windows.
        const suggest = label.dim === 'arch' ? [{ title: `Select ${FARGATE_ARCH[0]} nodes (only if the image is built for ${FARGATE_ARCH[0]})`, edits: [replaceScalarText(text, e, FARGATE_ARCH[0])] }] : [];
        ctx.report({ node: e, messageId: 'selector', data: { kind: w.kind, name: w.name, key: e.key!, value, why: why(label.dim, [value]) }, workload: w, suggest });
      }

      const terms = w.pod.affinity?.at('nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms')?.items() ?? [];
      // Terms are ORed: a pod is blocked only when no term lets a Fargate node through.
      const failing: { expr: SourceNode; key: string; operator: string; values: string[] }[] = [];
      for (const term of terms) {
        const bad = (term.get('matchExpressions')?.items() ?? []).map((expr) => {
          const key = str(expr.get('key'));
          const operator = str(expr.get('operator'));
          const valueNodes = expr.get('values')?.items() ?? [];
          if (!key || !operator || valueNodes.some((v) => isTemplatedValue(w.doc, text, v))) return undefined;
          const values = valueNodes.map((v) => str(v)).filter((v): v is string => v !== undefined);
          return fargateSatisfies(key, operator, values) ? undefined : { expr, key, operator, values };
        }).find((x) => x !== undefined);
        if (!bad) {
          failing.length = 0;
          break;
        }
        failing.push(bad);
      }
      for (const f of failing) {
        const expression = `${f.key} ${f.operator}${f.values.length ? ` [${f.values.join(', ')}]` : ''}`;
        ctx.report({ node: f.expr.get('key')!, messageId: 'affinity', data: { kind: w.kind, name: w.name, expression, why: why(LABELS[f.key].dim, f.operator === 'NotIn' ? [] : f.values) }, workload: w });
      }
    }
  },
});
