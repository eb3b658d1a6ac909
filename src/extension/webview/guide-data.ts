/**
 * The knowledge tables the Platform Guide shows, as plain data for postMessage.
 * Pure (no vscode import): built from the engine's dated knowledge for one `today`.
 */
import {
  EKS_CONTROL_PLANE_PRICING,
  HOURS_PER_MONTH,
  KNOWLEDGE_AS_OF,
  KUBERNETES_APIS_AS_OF,
  allRegions,
  eksSupportStatus,
  eksVersions,
  fargateHourlyCost,
  validFargateCombos,
} from '../../engine/knowledge';
import { EKS_FARGATE_SIZES } from '../../engine/knowledge/fargate-sizes';
import { region as PRICE_REGION } from '../../engine/knowledge/pricing';
import type { GuideFargateSize, GuideKnowledge } from './protocol';

export function guideKnowledge(today: string): GuideKnowledge {
  const windows = new Set(validFargateCombos('windows').map((s) => `${s.vcpu}/${s.memoryMiB}`));
  const eks = new Set(EKS_FARGATE_SIZES.flatMap((r) => r.memoryMiB.map((m) => `${r.vcpu}/${m}`)));
  const hourly = (vcpu: number, memoryGiB: number, arch: 'x86_64' | 'arm64', os: 'linux' | 'windows') =>
    fargateHourlyCost({ vcpu, memoryGiB }, { arch, os, platform: 'ecs' }).hourlyUsd;
  const fargateSizes: GuideFargateSize[] = validFargateCombos('linux').map((s) => {
    const key = `${s.vcpu}/${s.memoryMiB}`;
    return {
      vcpu: s.vcpu,
      cpu: s.cpu,
      memoryMiB: s.memoryMiB,
      memoryGiB: s.memoryGiB,
      label: s.label,
      linuxX86HourlyUsd: hourly(s.vcpu, s.memoryGiB, 'x86_64', 'linux'),
      linuxArmHourlyUsd: hourly(s.vcpu, s.memoryGiB, 'arm64', 'linux'),
      windowsHourlyUsd: windows.has(key) ? hourly(s.vcpu, s.memoryGiB, 'x86_64', 'windows') : null,
      eks: eks.has(key),
      windows: windows.has(key),
    };
  });
  return {
    today,
    asOf: { ...KNOWLEDGE_AS_OF, kubernetesApis: KUBERNETES_APIS_AS_OF },
    pricing: {
      standardPerClusterHour: EKS_CONTROL_PLANE_PRICING.standardSupportPerClusterHour,
      extendedPerClusterHour: EKS_CONTROL_PLANE_PRICING.extendedSupportPerClusterHour,
      extendedPricingFrom: EKS_CONTROL_PLANE_PRICING.extendedPricingFrom,
      region: PRICE_REGION,
      hoursPerMonth: HOURS_PER_MONTH,
    },
    eksVersions: eksVersions().map((r) => {
      const s = eksSupportStatus(r.version, today);
      return {
        version: r.version,
        upstreamRelease: r.upstreamRelease,
        eksRelease: r.eksRelease,
        endOfStandardSupport: r.endOfStandardSupport,
        extendedSupportStart: r.extendedSupportStart,
        endOfExtendedSupport: r.endOfExtendedSupport,
        status: s.status,
        hourlyPriceUsd: s.hourlyPriceUsd,
      };
    }),
    regions: allRegions().map((r) => ({
      code: r.code,
      name: r.name,
      group: r.group,
      partition: r.partition,
      optInRequired: r.optInRequired,
      ecs: r.ecs,
      eks: r.eks,
      fargateEcs: r.fargateEcs,
      fargateEcsWindows: r.fargateEcsWindows,
      fargateEks: r.fargateEks,
    })),
    fargateSizes,
  };
}
