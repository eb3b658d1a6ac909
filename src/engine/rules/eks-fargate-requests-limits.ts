import { fargateHourlyCost, monthlyFromHourly } from '../knowledge';
import type { ContainerView, QuantityView } from '../views';
import type { FixDescriptor, OffsetEdit, RelatedDescriptor } from './define-rule';
import { defineRule } from './define-rule';
import { copyScalar, formatCpu, formatMemory, podFargateSize, runsOnFargateAtAll } from '../rule-helpers/pod-helpers';

interface Gap {
  container: ContainerView;
  resource: 'cpu' | 'memory';
  request: QuantityView;
  limit: QuantityView;
}

function gaps(c: ContainerView): Gap[] {
  const out: Gap[] = [];
  for (const [resource, request, limit] of [['cpu', c.cpuRequest, c.cpuLimit], ['memory', c.memoryRequest, c.memoryLimit]] as const) {
    if (request?.amount === undefined || limit?.amount === undefined) continue;
    // Only limits above requests: the reverse is rejected by the Kubernetes API anyway.
    if (limit.amount > request.amount + 1e-9) out.push({ container: c, resource, request, limit });
  }
  return out;
}

function money(usd: number): string {
  return usd < 1 ? usd.toFixed(4) : usd.toFixed(2);
}

export default defineRule({
  meta: {
    id: 'eks-fargate-requests-limits',
    title: 'Fargate sizes pods on requests, not limits',
    description: 'Flags pods whose containers set limits above their requests. EKS Fargate provisions the pod from its requests and runs it with Guaranteed QoS, so the headroom up to the limits does not exist there. Reports the size and hourly price the pod would actually get.',
    remediation: 'Set requests equal to limits: raise the requests if the app needs the headroom, or lower the limits to what Fargate will provision.',
    formats: ['kubernetes'],
    platforms: ['eks-fargate'],
    effect: 'advice',
    defaultSeverity: 'info',
    sources: [
      'Amazon EKS User Guide: Fargate Pod configuration (latest/ug/nodes/fargate-pod-configuration.adoc): Guaranteed priority, requested CPU and memory must equal the limit; sizing from requests',
      'Amazon EKS User Guide, Kubernetes 1.23 notes (quoted in awsdocs/amazon-eks-user-guide#677): launches might break when a container limit exceeds the sum of requests',
      'AWS Fargate pricing (per vCPU-hour and GB-hour, us-east-1 list prices in knowledge/pricing)',
    ],
    messages: {
      headroom: '{{kind}} "{{name}}" sets limits above requests ({{gaps}}). Fargate sizes the pod on its requests and runs it with Guaranteed QoS, so it gets {{size}} (about ${{hourly}}/hour, ${{monthly}}/month at {{region}} list prices), not its limits.',
      launchRisk: '{{kind}} "{{name}}" sets a limit above the pod\'s total request ({{gaps}}); AWS warns that Fargate pod launches might fail then. Fargate sizes the pod on its requests: {{size}} (about ${{hourly}}/hour, ${{monthly}}/month at {{region}} list prices).',
    },
    scope: 'document',
  },
  check(ctx) {
    const text = ctx.text();
    for (const w of ctx.pods()) {
      if (!runsOnFargateAtAll(w)) continue;
      const found = w.containers.flatMap(gaps);
      if (!found.length) continue;
      const size = podFargateSize(w.containers);
      if (!size.size) continue; // eks-fargate-pod-too-large
      const cost = fargateHourlyCost({ vcpu: size.size.vcpu, memoryGiB: size.size.memoryGiB }, { arch: 'x86_64', os: 'linux', platform: 'eks' });
      if (cost.hourlyUsd === null) continue;

      // The 1.23 note: a container's limit above the pod's (summed) request.
      const podRequest = { cpu: size.request.vcpu, memory: size.request.memoryMiB };
      const risky = found.filter((g) => g.limit.amount! > podRequest[g.resource] + 1e-9);
      const shown = risky.length ? risky : found;
      const describe = (g: Gap) =>
        `container "${g.container.name}": ${g.resource} limit ${String(g.limit.node.value)} > ${risky.length ? `pod request ${podTotal(g.resource, podRequest)}` : `request ${String(g.request.node.value)}`}`;

      // Two ways out; which one is right depends on the app, so both are suggestions.
      const lower = uniqueEdits(found.map((g) => copyScalar(text, g.request.node, g.limit.node)));
      const raise = uniqueEdits(found.map((g) => copyScalar(text, g.limit.node, g.request.node)));
      const raised = podFargateSize(w.containers.map((c) => raiseRequests(c, found)));
      const suggest: FixDescriptor[] = [{ title: `Lower limits to requests (keeps ${size.size.label})`, edits: lower }];
      if (raised.size) {
        const rc = fargateHourlyCost({ vcpu: raised.size.vcpu, memoryGiB: raised.size.memoryGiB }, { arch: 'x86_64', os: 'linux', platform: 'eks' });
        suggest.push({ title: `Raise requests to limits (runs at ${raised.size.label}${rc.hourlyUsd !== null ? `, about $${money(rc.hourlyUsd)}/hour` : ''})`, edits: raise });
      }
      const related: RelatedDescriptor[] = shown.map((g) => ({ file: w.file, node: g.request.node, message: `${g.resource} request of container "${g.container.name}"` }));
      ctx.report({
        node: shown[0].limit.node,
        messageId: risky.length ? 'launchRisk' : 'headroom',
        data: {
          kind: w.kind,
          name: w.name,
          gaps: shown.map(describe).join('; '),
          size: size.size.label,
          hourly: money(cost.hourlyUsd),
          monthly: money(monthlyFromHourly(cost.hourlyUsd)),
          region: cost.region,
        },
        workload: w,
        related,
        suggest,
        // Still advice (AWS says "might"), but worth a warning in the editor.
        ...(risky.length ? { severity: 'warning' as const } : {}),
      });
    }
  },
});

/** YAML aliases can make two containers share one quantity node: edit it once. */
function uniqueEdits(edits: OffsetEdit[]): OffsetEdit[] {
  return edits.filter((e, i) => edits.findIndex((o) => o.start === e.start) === i);
}

/** The pod's effective request, spelled the way manifests write quantities. */
function podTotal(resource: 'cpu' | 'memory', req: { cpu: number; memory: number }): string {
  return resource === 'cpu' ? formatCpu(req.cpu) : formatMemory(req.memory);
}

/** A container as it would be with its requests raised to its limits. */
function raiseRequests(c: ContainerView, found: Gap[]): ContainerView {
  const mine = found.filter((g) => g.container === c);
  if (!mine.length) return c;
  const out = { ...c };
  for (const g of mine) {
    if (g.resource === 'cpu') out.cpuRequest = g.limit;
    else out.memoryRequest = g.limit;
  }
  return out;
}
