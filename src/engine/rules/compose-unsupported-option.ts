import type { SourceNode } from '../source/source-node';
import { str } from '../source/source-node';
import type { Effect, PlatformId } from '../types';
import { removeEntryLines } from '../fix/yaml-edits';
import { isSet } from '../rule-helpers/ecs-helpers';
import { defineRule } from './define-rule';

type MessageId = 'links' | 'extraHosts' | 'sysctls' | 'dns' | 'dnsSearch' | 'securityOpt' | 'securityOptUnconfined' | 'tmpfs' | 'shmSize' | 'swap';

/**
 * Compose attributes whose ECS counterpart Fargate rejects. A compose file is not
 * deployed as is, so what counts is whether the service still works once the option
 * is left out of its task definition: where it usually does, this is advice.
 */
const OPTIONS: { key: string; messageId: MessageId; effect: Effect; platforms?: PlatformId[] }[] = [
  // On ECS each compose service becomes its own service, so links between services
  // need service discovery on EC2 too; only inside one task do they differ by platform.
  { key: 'links', messageId: 'links', effect: 'advice', platforms: ['ecs-fargate', 'ecs-ec2'] },
  { key: 'extra_hosts', messageId: 'extraHosts', effect: 'needs-change' },
  { key: 'sysctls', messageId: 'sysctls', effect: 'advice' },
  { key: 'dns', messageId: 'dns', effect: 'advice' },
  { key: 'dns_search', messageId: 'dnsSearch', effect: 'advice' },
  { key: 'security_opt', messageId: 'securityOpt', effect: 'advice' },
  { key: 'tmpfs', messageId: 'tmpfs', effect: 'advice' },
  { key: 'shm_size', messageId: 'shmSize', effect: 'needs-change' },
  { key: 'memswap_limit', messageId: 'swap', effect: 'advice' },
  { key: 'mem_swappiness', messageId: 'swap', effect: 'advice' },
];

export default defineRule({
  meta: {
    id: 'compose-unsupported-option',
    title: 'Compose options whose ECS counterpart Fargate rejects',
    description: 'Flags compose service options that become task definition parameters Fargate rejects or limits: links, extra_hosts, dns, dns_search, security_opt, tmpfs, shm_size, swap settings and sysctls.',
    remediation: 'Leave the option out of the task definition and replace what it did: service discovery instead of links, DNS instead of extra_hosts, a task volume instead of tmpfs. A service that needs a larger /dev/shm belongs on EC2.',
    formats: ['compose'],
    platforms: ['ecs-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'warning',
    sources: [
      'Amazon ECS Developer Guide: fargate-tasks-services.html (invalid on Fargate: links, extraHosts, dnsServers, dnsSearchDomains, dockerSecurityOptions, maxSwap, swappiness)',
      'Amazon ECS Developer Guide: task_definition_parameters.md (sharedMemorySize and tmpfs are not supported on Fargate)',
      'Amazon ECS API Reference: SystemControl (Fargate: Linux platform version 1.4.0 or later)',
    ],
    messages: {
      links: 'Service "{{name}}" uses links. On ECS each compose service becomes its own service, reached through service discovery (Service Connect or Cloud Map); Fargate rejects links even inside one task, where containers use localhost.',
      extraHosts: 'Service "{{name}}" sets extra_hosts; Fargate rejects extraHosts, so those names must resolve through DNS (a Route 53 private zone or Cloud Map).',
      sysctls: 'Service "{{name}}" sets sysctls; Fargate accepts systemControls only on Linux platform version 1.4.0 or later (the 2023 guide listed them as invalid).',
      dns: 'Service "{{name}}" sets dns servers; Fargate rejects dnsServers and uses the VPC resolver (Route 53 Resolver rules can forward to other servers).',
      dnsSearch: 'Service "{{name}}" sets dns_search; Fargate rejects dnsSearchDomains (set the search domain in the VPC\'s DHCP options).',
      securityOpt: 'Service "{{name}}" sets security_opt; Fargate rejects dockerSecurityOptions, so these are dropped there.',
      securityOptUnconfined: 'Service "{{name}}" relaxes its confinement ({{value}}); Fargate rejects dockerSecurityOptions and keeps its own profile, so the service may not run there.',
      tmpfs: 'Service "{{name}}" mounts tmpfs; Fargate does not support tmpfs mounts, so use a task volume (ephemeral storage) instead.',
      shmSize: 'Service "{{name}}" sets shm_size; Fargate does not support sharedMemorySize, so /dev/shm keeps its default size there.',
      swap: 'Service "{{name}}" sets {{key}}; Fargate tasks run without swap (maxSwap and swappiness are rejected).',
    },
    scope: 'document',
  },
  check(ctx) {
    const text = ctx.text();
    for (const w of ctx.workloads()) {
      for (const o of OPTIONS) {
        const n = w.node.get(o.key);
        if (!isSet(n)) continue;
        const data = { name: w.name, key: o.key };
        const severity = o.effect === 'advice' ? 'info' : 'warning';
        if (o.key === 'security_opt') {
          const unconfined = values(n).find((v) => /unconfined/i.test(v));
          if (unconfined) {
            ctx.report({ node: n, messageId: 'securityOptUnconfined', data: { ...data, value: unconfined }, workload: w, effect: 'needs-change', severity: 'warning' });
            continue;
          }
        }
        // Removing links is safe in compose itself: services resolve each other by name on
        // the default network. An alias ("cache:redis") is a name that would stop resolving.
        const removable = o.key === 'links' && n.keyStart !== undefined && values(n).every((v) => !v.includes(':'));
        const suggest = removable ? [{ title: 'Remove links (compose services resolve each other by name)', edits: [removeEntryLines(text, n)] }] : undefined;
        ctx.report({ node: n, messageId: o.messageId, data, workload: w, effect: o.effect, severity, ...(o.platforms ? { platforms: o.platforms } : {}), ...(suggest ? { suggest } : {}) });
      }
    }
  },
});

function values(n: SourceNode): string[] {
  if (n.kind === 'seq') return n.items().map(str).filter((v): v is string => v !== undefined);
  const v = str(n);
  return v === undefined ? [] : [v];
}
