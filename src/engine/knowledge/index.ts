/**
 * The knowledge facade: the dated data the rules and reports use, and the questions
 * they ask of it. Everything here is pure; dates come in as `today`.
 *
 * Named re-exports (not `export *`) for this folder's own modules, so a name that
 * another query module also exports cannot become ambiguous: explicit exports win
 * over the star export below.
 */
import { asOf as eksVersionsAsOf } from './eks-versions';
import { asOf as fargateSizesAsOf } from './fargate-sizes';
import { asOf as pricingAsOf } from './pricing';
import { asOf as regionsAsOf } from './regions';

export {
  compareEksVersions,
  daysBetween,
  eksSupportStatus,
  eksVersion,
  eksVersions,
  isIsoDate,
  latestEksVersion,
  normalizeEksVersion,
  supportedEksVersions,
} from './eks';
export type { EksSupportStatus, EksSupportStatusId } from './eks';

export { allRegions, editDistance, region, regionSupports, regionsSupporting } from './region-query';
export type { RegionLookup, RegionOs, RegionPlatformSupport } from './region-query';

export {
  eksPodRequest,
  fargateEphemeralStorage,
  fargateHourlyCost,
  fargateLabel,
  fargateSizeFor,
  HOURS_PER_MONTH,
  monthlyFromHourly,
  validFargateCombos,
} from './fargate';
export type {
  ContainerRequest,
  EcsFargateSizeCheck,
  EksFargatePodSize,
  FargateCost,
  FargateEphemeralStorage,
  FargateSize,
  FargateSizeOptions,
} from './fargate';

export { parseEcsCpu, parseEcsMemory, parseK8sCpu, parseK8sMemory, parseK8sQuantity } from './quantities';

export { EKS_SUPPORT_POLICY, EKS_VERSIONS } from './eks-versions';
export type { EksSupportPolicy, EksVersionRecord, ExtendedSupportKind, KnowledgeSource } from './eks-versions';
export { REGIONS } from './regions';
export type { RegionGroup, RegionRecord } from './regions';
export type { FargateOs } from './fargate-sizes';
export { EKS_CONTROL_PLANE_PRICING, FARGATE_PRICING } from './pricing';

/** The newest source date of each data set, for "data as of ..." labels on one topic. */
export const KNOWLEDGE_AS_OF = {
  eksVersions: eksVersionsAsOf,
  regions: regionsAsOf,
  fargateSizes: fargateSizesAsOf,
  pricing: pricingAsOf,
} as const;

/**
 * The newest source date across the shipped data (ISO day). A report that shows one
 * date shows this; per-topic dates are in {@link KNOWLEDGE_AS_OF}.
 */
export const DATA_AS_OF: string = [eksVersionsAsOf, regionsAsOf, fargateSizesAsOf, pricingAsOf].sort().at(-1) ?? eksVersionsAsOf;

export * from './kubernetes-api-query';
