import type { Rule } from './define-rule';
import composeBindMount from './compose-bind-mount';
import composeCapAdd from './compose-cap-add';
import composeDevices from './compose-devices';
import composeGpu from './compose-gpu';
import composeHostIpc from './compose-host-ipc';
import composeHostNetwork from './compose-host-network';
import composeHostPid from './compose-host-pid';
import composePortMapping from './compose-port-mapping';
import composePrivileged from './compose-privileged';
import composeUnsupportedOption from './compose-unsupported-option';
import ecsFargateCapabilities from './ecs-fargate-capabilities';
import ecsFargateEphemeralStorage from './ecs-fargate-ephemeral-storage';
import ecsFargateHostPort from './ecs-fargate-host-port';
import ecsFargateHostVolume from './ecs-fargate-host-volume';
import ecsFargateNetworkMode from './ecs-fargate-network-mode';
import ecsFargateRequiresCompatibilities from './ecs-fargate-requires-compatibilities';
import ecsFargateRuntimePlatform from './ecs-fargate-runtime-platform';
import ecsFargateTaskSize from './ecs-fargate-task-size';
import ecsFargateUnsupportedParameter from './ecs-fargate-unsupported-parameter';
import ecsFargateWindows from './ecs-fargate-windows';
import eksFargateAccelerator from './eks-fargate-accelerator';
import eksFargateDaemonset from './eks-fargate-daemonset';
import eksFargateHostNetwork from './eks-fargate-host-network';
import eksFargateHostPath from './eks-fargate-host-path';
import eksFargateHostPidIpc from './eks-fargate-host-pid-ipc';
import eksFargateHostPort from './eks-fargate-host-port';
import eksFargateNoRequests from './eks-fargate-no-requests';
import eksFargateNodeSelector from './eks-fargate-node-selector';
import eksFargatePersistentVolume from './eks-fargate-persistent-volume';
import eksFargatePodTooLarge from './eks-fargate-pod-too-large';
import eksFargatePrivileged from './eks-fargate-privileged';
import eksFargateRequestsLimits from './eks-fargate-requests-limits';
import eksctlFargateProfileUnmatched from './eksctl-fargate-profile-unmatched';
import eksctlNodeGroupHardware from './eksctl-node-group-hardware';
import eksctlRegionAvailability from './eksctl-region-availability';
import eksctlVersionSupport from './eksctl-version-support';
import eksctlWorkloadUnmatched from './eksctl-workload-unmatched';
import k8sApiDeprecated from './k8s-api-deprecated';
import k8sApiRemoved from './k8s-api-removed';
import k8sFieldDeprecated from './k8s-field-deprecated';
import k8sFieldRemoved from './k8s-field-removed';

/**
 * The explicit rule registry, alphabetical by id. A meta-test checks that every
 * file in this folder that defines a rule is listed here, and has fixtures and docs.
 */
export const rules: readonly Rule[] = [
  composeBindMount,
  composeCapAdd,
  composeDevices,
  composeGpu,
  composeHostIpc,
  composeHostNetwork,
  composeHostPid,
  composePortMapping,
  composePrivileged,
  composeUnsupportedOption,
  ecsFargateCapabilities,
  ecsFargateEphemeralStorage,
  ecsFargateHostPort,
  ecsFargateHostVolume,
  ecsFargateNetworkMode,
  ecsFargateRequiresCompatibilities,
  ecsFargateRuntimePlatform,
  ecsFargateTaskSize,
  ecsFargateUnsupportedParameter,
  ecsFargateWindows,
  eksFargateAccelerator,
  eksFargateDaemonset,
  eksFargateHostNetwork,
  eksFargateHostPath,
  eksFargateHostPidIpc,
  eksFargateHostPort,
  eksFargateNoRequests,
  eksFargateNodeSelector,
  eksFargatePersistentVolume,
  eksFargatePodTooLarge,
  eksFargatePrivileged,
  eksFargateRequestsLimits,
  eksctlFargateProfileUnmatched,
  eksctlNodeGroupHardware,
  eksctlRegionAvailability,
  eksctlVersionSupport,
  eksctlWorkloadUnmatched,
  k8sApiDeprecated,
  k8sApiRemoved,
  k8sFieldDeprecated,
  k8sFieldRemoved,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}
