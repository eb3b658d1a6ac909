import type { Rule } from './define-rule';
import composeHostNetwork from './compose-host-network';
import composePrivileged from './compose-privileged';
import ecsFargateNetworkMode from './ecs-fargate-network-mode';
import ecsFargateTaskSize from './ecs-fargate-task-size';
import eksFargateDaemonset from './eks-fargate-daemonset';
import eksFargateHostNetwork from './eks-fargate-host-network';
import eksFargateHostPort from './eks-fargate-host-port';
import eksFargatePrivileged from './eks-fargate-privileged';

/**
 * The explicit rule registry, alphabetical by id. A meta-test checks that every
 * file in this folder that defines a rule is listed here, and has fixtures and docs.
 */
export const rules: readonly Rule[] = [
  composeHostNetwork,
  composePrivileged,
  ecsFargateNetworkMode,
  ecsFargateTaskSize,
  eksFargateDaemonset,
  eksFargateHostNetwork,
  eksFargateHostPort,
  eksFargatePrivileged,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}
