import { validFargateCombos } from '../knowledge';
import type { QuantityView } from '../views';
import { defineRule } from './define-rule';
import { describeMemory, effectiveRequest, fargatePodOverheadMiB, isClassicInit, podFargateSize, runsOnFargateAtAll } from '../rule-helpers/pod-helpers';

export default defineRule({
  meta: {
    id: 'eks-fargate-pod-too-large',
    title: 'Pod requests exceed the largest Fargate size',
    description: 'Works out the size EKS Fargate would provision for a pod (requests, init containers, the 256 MiB overhead, rounded up) and flags pods larger than the largest Fargate size.',
    remediation: 'Lower the requests, split the pod into smaller ones, or run it on an EC2 node group with large enough instances.',
    formats: ['kubernetes'],
    platforms: ['eks-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'warning',
    sources: [
      'Amazon EKS User Guide: Fargate Pod configuration (latest/ug/nodes/fargate-pod-configuration.adoc): sizing algorithm, 256 MB overhead, vCPU and memory combinations',
      'fargate-scheduler condition POD_CPU_MEM_EXCEEDS_MAX_FARGATE_SIZE ("Your pod\'s cpu/memory requirements exceed the max Fargate configuration"), seen in aws/eks-distro-prow-jobs#11',
    ],
    messages: {
      tooLarge: '{{kind}} "{{name}}" requests {{cpu}} and {{memory}} of memory, including the {{overhead}} Fargate adds to every pod; the largest Fargate size is {{largest}}, so the pod would stay Pending.',
    },
    scope: 'document',
  },
  check(ctx) {
    const largest = validFargateCombos('LINUX').at(-1);
    if (!largest) return;
    const overhead = fargatePodOverheadMiB();
    for (const w of ctx.pods()) {
      if (!runsOnFargateAtAll(w)) continue;
      const size = podFargateSize(w.containers);
      if (size.fits) continue;
      // Underline the biggest contributor to the dimension that does not fit.
      const cpuOver = size.withOverhead.vcpu > largest.vcpu;
      const pick = (q: (c: (typeof w.containers)[number]) => QuantityView | undefined, amount: (c: (typeof w.containers)[number]) => number) =>
        [...w.containers].filter((c) => q(c)).sort((a, b) => amount(b) - amount(a) || (isClassicInit(a) ? 1 : 0) - (isClassicInit(b) ? 1 : 0))[0];
      const byCpu = pick((c) => c.cpuRequest ?? c.cpuLimit, (c) => effectiveRequest(c).cpu ?? 0);
      const byMem = pick((c) => c.memoryRequest ?? c.memoryLimit, (c) => effectiveRequest(c).memoryMiB ?? 0);
      const culprit = cpuOver ? byCpu : byMem ?? byCpu;
      const node = (cpuOver ? culprit?.cpuRequest ?? culprit?.cpuLimit : culprit?.memoryRequest ?? culprit?.memoryLimit)?.node ?? w.anchor;
      ctx.report({
        node,
        messageId: 'tooLarge',
        data: {
          kind: w.kind,
          name: w.name,
          cpu: size.withOverhead.vcpu > 0 ? `${Math.round(size.withOverhead.vcpu * 1000) / 1000} vCPU` : 'no CPU',
          memory: describeMemory(size.withOverhead.memoryMiB),
          overhead: describeMemory(overhead),
          largest: largest.label,
        },
        workload: w,
      });
    }
  },
});
