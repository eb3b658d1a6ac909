import type { SourceNode } from '../source/source-node';
import { KNOWLEDGE_AS_OF, region, regionSupports } from '../knowledge';
import { replaceValue } from '../fix/yaml-edits';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'eksctl-region-availability',
    title: 'EKS and Fargate availability in the eksctl region',
    description: 'Checks metadata.region of an eksctl ClusterConfig: that it is an AWS region, that EKS runs there, that Fargate on EKS runs there when the config has Fargate profiles, and whether it is an opt-in region.',
    remediation: 'Use a region code such as eu-west-1 where EKS (and, for Fargate profiles, Fargate on EKS) is available; enable an opt-in region in the account first.',
    formats: ['eksctl'],
    platforms: ['eks-ec2', 'eks-fargate'],
    effect: 'blocks',
    defaultSeverity: 'error',
    sources: [
      'botocore endpoints.json (boto/botocore): regions with an EKS endpoint',
      'Amazon EKS User Guide: Define which Pods use AWS Fargate when launched (latest/ug/nodes/fargate-profile.adoc): Fargate with EKS is not available in AWS GovCloud (US-East) and (US-West)',
      'Amazon EC2 User Guide: Regions and Zones (opt-in regions)',
    ],
    messages: {
      unknownRegion: '"{{code}}" is not an AWS region code{{didYouMean}}.',
      notCanonical: 'Region codes are lower case without spaces: write {{code}}.',
      noEks: 'Amazon EKS is not available in {{code}} ({{name}}).',
      eksUnknown: 'Whether Amazon EKS is available in {{code}} ({{name}}) is not in Offload\'s region data (as of {{asOf}}).',
      noFargate: 'This config has Fargate profiles, but Fargate on EKS is not available in {{code}} ({{name}}): eksctl cannot create them there. Run those pods on node groups, or use another region.',
      fargateUnknown: 'This config has Fargate profiles; whether Fargate on EKS is available in {{code}} ({{name}}) is not in Offload\'s region data (as of {{asOf}}).',
      optIn: '{{code}} ({{name}}) is an opt-in region: enable it for the AWS account before eksctl can create the cluster there.',
    },
    scope: 'document',
  },
  check(ctx) {
    const text = ctx.text();
    const asOf = KNOWLEDGE_AS_OF.regions;
    for (const c of ctx.clusters()) {
      const node = c.region;
      // No region: eksctl takes it from the AWS profile or environment, which a file cannot show.
      if (!node || node.kind !== 'scalar' || node.value === null || node.value === '') continue;
      const code = String(node.value);
      const hit = region(code);
      if (!hit.known) {
        ctx.report({
          node,
          messageId: 'unknownRegion',
          data: { code, didYouMean: hit.didYouMean.length ? `; did you mean ${hit.didYouMean.join(', ')}?` : '' },
          suggest: hit.didYouMean.map((r) => ({ title: `Use ${r}`, edits: [replaceValue(node, quoteLike(node, text, r))] })),
        });
        continue;
      }
      const data = { code: hit.code, name: hit.name, asOf };
      if (code !== hit.code) {
        ctx.report({ node, messageId: 'notCanonical', data, fix: { title: `Use ${hit.code}`, edits: [replaceValue(node, quoteLike(node, text, hit.code))] } });
      }
      const eks = regionSupports(hit, 'eks-ec2');
      if (eks === false) ctx.report({ node, messageId: 'noEks', data });
      else if (eks === null) ctx.report({ node, messageId: 'eksUnknown', data, severity: 'info', effect: 'advice' });
      if (eks !== false && c.fargateProfiles.length > 0) {
        const fargate = regionSupports(hit, 'eks-fargate');
        const profiles = c.node.get('fargateProfiles');
        const related = profiles ? [{ file: c.file, node: profiles, message: 'the Fargate profiles' }] : undefined;
        if (fargate === false) ctx.report({ node, messageId: 'noFargate', data, platforms: ['eks-fargate'], related });
        else if (fargate === null) ctx.report({ node, messageId: 'fargateUnknown', data, platforms: ['eks-fargate'], severity: 'info', effect: 'advice', related });
      }
      if (hit.optInRequired === true) ctx.report({ node, messageId: 'optIn', data, severity: 'info', effect: 'advice' });
    }
  },
});

/** The replacement text in the value's own quoting style. */
function quoteLike(node: SourceNode, text: string, value: string): string {
  if (!node.quoted) return value;
  const q = text[node.start] === "'" ? "'" : '"';
  return `${q}${value}${q}`;
}
