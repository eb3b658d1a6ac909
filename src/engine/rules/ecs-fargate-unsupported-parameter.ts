import type { SourceNode } from '../source/source-node';
import { isTrue, str } from '../source/source-node';
import type { Effect, PlatformId } from '../types';
import type { FixDescriptor } from './define-rule';
import { fargateSeverity, isSet, removeJsonMember, taskOs } from '../rule-helpers/ecs-helpers';
import { defineRule } from './define-rule';

type MessageId =
  | 'privileged' | 'links' | 'dockerSecurityOptions' | 'extraHosts' | 'disableNetworking' | 'dnsServers' | 'dnsSearchDomains'
  | 'gpu' | 'inferenceAccelerator' | 'taskInferenceAccelerators' | 'devices' | 'maxSwap' | 'swappiness' | 'sharedMemorySize'
  | 'tmpfs' | 'systemControls' | 'systemControlsWindows' | 'ipcHost' | 'ipcMode' | 'pidHost' | 'placementConstraints';

/** How one parameter fares on Fargate, and whether removing it is a reasonable offer. */
interface Spec {
  messageId: MessageId;
  /** Where it lives: the container, its linuxParameters, or the task. */
  path: string[];
  on: (n: SourceNode | undefined) => n is SourceNode;
  effect: Effect;
  platforms?: PlatformId[];
  /** Title of the "remove it" suggestion, when removing is safe-ish. */
  remove?: string;
}

const isOn = (n: SourceNode | undefined): n is SourceNode => isTrue(n);
const FARGATE_BOTH: PlatformId[] = ['ecs-fargate', 'eks-fargate'];

/** Container parameters the Fargate guide lists as invalid or unsupported [ECS-FG-now], [ECS-TDP]. */
const CONTAINER_SPECS: Spec[] = [
  { messageId: 'privileged', path: ['privileged'], on: isOn, effect: 'blocks', platforms: FARGATE_BOTH },
  { messageId: 'links', path: ['links'], on: isSet, effect: 'needs-change', remove: 'Remove "links" (reach the other containers on localhost)' },
  { messageId: 'dockerSecurityOptions', path: ['dockerSecurityOptions'], on: isSet, effect: 'needs-change', remove: 'Remove "dockerSecurityOptions"' },
  { messageId: 'extraHosts', path: ['extraHosts'], on: isSet, effect: 'needs-change', remove: 'Remove "extraHosts" (resolve the names through DNS)' },
  { messageId: 'disableNetworking', path: ['disableNetworking'], on: isOn, effect: 'needs-change', remove: 'Remove "disableNetworking" (the container then shares the task\'s network)' },
  { messageId: 'dnsServers', path: ['dnsServers'], on: isSet, effect: 'needs-change', remove: 'Remove "dnsServers" (use the VPC resolver)' },
  { messageId: 'dnsSearchDomains', path: ['dnsSearchDomains'], on: isSet, effect: 'needs-change', remove: 'Remove "dnsSearchDomains" (use the VPC\'s DHCP options)' },
  { messageId: 'devices', path: ['linuxParameters', 'devices'], on: isSet, effect: 'blocks' },
  { messageId: 'maxSwap', path: ['linuxParameters', 'maxSwap'], on: isSet, effect: 'needs-change', remove: 'Remove "maxSwap" (Fargate tasks run without swap)' },
  { messageId: 'swappiness', path: ['linuxParameters', 'swappiness'], on: isSet, effect: 'needs-change', remove: 'Remove "swappiness" (Fargate tasks run without swap)' },
  { messageId: 'sharedMemorySize', path: ['linuxParameters', 'sharedMemorySize'], on: isSet, effect: 'needs-change' },
  { messageId: 'tmpfs', path: ['linuxParameters', 'tmpfs'], on: isSet, effect: 'needs-change' },
];

/** Task parameters. ipcMode and pidMode depend on their value, so they are handled apart. */
const TASK_SPECS: Spec[] = [
  { messageId: 'placementConstraints', path: ['placementConstraints'], on: isSet, effect: 'needs-change', remove: 'Remove "placementConstraints" (Fargate places tasks itself)' },
  { messageId: 'taskInferenceAccelerators', path: ['inferenceAccelerators'], on: isSet, effect: 'blocks' },
];

export default defineRule({
  meta: {
    id: 'ecs-fargate-unsupported-parameter',
    title: 'Task definition parameters that Fargate rejects',
    description: 'Flags ECS task and container parameters that are invalid on Fargate: privileged, links, GPUs and inference accelerators, devices, dockerSecurityOptions, extraHosts, disableNetworking, DNS settings, swap, sharedMemorySize, tmpfs, ipcMode, pidMode host and placementConstraints; and systemControls where Fargate limits them.',
    remediation: 'Remove the parameter, or replace what it does (localhost instead of links, DNS instead of extraHosts, a task volume instead of tmpfs). Privileged containers, devices and GPUs need ECS on EC2.',
    formats: ['ecs-task-definition'],
    platforms: ['ecs-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'warning',
    sources: [
      'Amazon ECS Developer Guide: fargate-tasks-services.html, "Task definition parameters" (current list of invalid parameters)',
      'Amazon ECS Developer Guide: AWS_Fargate.md @49232cf2 (2023 list, with pidMode and systemControls)',
      'Amazon ECS Developer Guide: task_definition_parameters.md (linuxParameters devices, sharedMemorySize, tmpfs; inference accelerators)',
      'Amazon ECS API Reference: SystemControl (Fargate: Linux platform version 1.4.0 or later; not Windows)',
      'aws-cdk PR #30019 (Linux Fargate accepts pidMode "task", not "host")',
    ],
    messages: {
      privileged: 'Container "{{container}}" is privileged, which Fargate rejects.',
      links: 'Container "{{container}}" uses links, which Fargate rejects: in an awsvpc task the containers reach each other on localhost.',
      dockerSecurityOptions: 'Container "{{container}}" sets dockerSecurityOptions, which Fargate rejects.',
      extraHosts: 'Container "{{container}}" sets extraHosts, which Fargate rejects; resolve those names through DNS (a Route 53 private zone or Cloud Map) instead.',
      disableNetworking: 'Container "{{container}}" sets disableNetworking, which Fargate rejects.',
      dnsServers: 'Container "{{container}}" sets dnsServers, which Fargate rejects; Fargate tasks use the VPC resolver (Route 53 Resolver rules can forward to other servers).',
      dnsSearchDomains: 'Container "{{container}}" sets dnsSearchDomains, which Fargate rejects; set the search domain in the VPC\'s DHCP options instead.',
      gpu: 'Container "{{container}}" reserves GPUs; Fargate has no GPUs.',
      inferenceAccelerator: 'Container "{{container}}" asks for an Elastic Inference accelerator, which Fargate does not support.',
      taskInferenceAccelerators: 'inferenceAccelerators (Elastic Inference) are not supported on Fargate.',
      devices: 'Container "{{container}}" maps host devices (linuxParameters.devices), which Fargate does not support.',
      maxSwap: 'Container "{{container}}" sets linuxParameters.maxSwap; Fargate does not support swap.',
      swappiness: 'Container "{{container}}" sets linuxParameters.swappiness; Fargate does not support swap.',
      sharedMemorySize: 'Container "{{container}}" sets linuxParameters.sharedMemorySize, which Fargate does not support, so /dev/shm keeps its default size there.',
      tmpfs: 'Container "{{container}}" mounts tmpfs (linuxParameters.tmpfs), which Fargate does not support; use a task volume (ephemeral storage) instead.',
      systemControls: 'Container "{{container}}" sets systemControls: Fargate accepts them only on Linux platform version 1.4.0 or later (the 2023 guide listed them as invalid on Fargate).',
      systemControlsWindows: 'Container "{{container}}" sets systemControls, which Windows containers do not support.',
      ipcHost: 'ipcMode "host" shares the host\'s IPC namespace, and a Fargate task has no host to share.',
      ipcMode: 'ipcMode "{{mode}}" is not supported on Fargate.',
      pidHost: 'pidMode "host" is not supported on Fargate (Linux tasks there can use "task").',
      placementConstraints: 'placementConstraints are not supported on Fargate, which places tasks itself.',
    },
    scope: 'document',
  },
  check(ctx) {
    const text = ctx.text();
    for (const w of ctx.workloads()) {
      const task = w.node;
      const report = (node: SourceNode, spec: Pick<Spec, 'messageId' | 'effect' | 'platforms' | 'remove'>, data: Record<string, string>, anchor: SourceNode = node) => {
        const suggest: FixDescriptor[] = spec.remove ? [{ title: spec.remove, edits: removeJsonMember(text, node) }] : [];
        ctx.report({
          node: anchor,
          messageId: spec.messageId,
          data,
          workload: w,
          effect: spec.effect,
          severity: fargateSeverity(task, spec.effect),
          ...(spec.platforms ? { platforms: spec.platforms } : {}),
          ...(suggest.length ? { suggest } : {}),
        });
      };
      const windows = taskOs(task) === 'WINDOWS';

      for (const c of w.containers) {
        const data = { container: c.name };
        for (const spec of CONTAINER_SPECS) {
          const n = c.node.at(...spec.path);
          if (spec.on(n)) report(n, spec, data);
        }
        for (const r of c.node.get('resourceRequirements')?.items() ?? []) {
          const type = r.get('type');
          if (str(type) === 'GPU') report(r, { messageId: 'gpu', effect: 'blocks', platforms: FARGATE_BOTH }, data, type);
          else if (str(type) === 'InferenceAccelerator') report(r, { messageId: 'inferenceAccelerator', effect: 'blocks' }, data, type);
        }
        const sysctl = c.node.get('systemControls');
        if (isSet(sysctl)) {
          // The 2023 guide listed systemControls as invalid on Fargate; the current list
          // drops them and the API reference allows them on Linux 1.4.0+. Flagged as advice
          // on Linux, so nobody is promised they work on an older platform version.
          if (windows) report(sysctl, { messageId: 'systemControlsWindows', effect: 'needs-change', remove: 'Remove "systemControls"' }, data);
          else report(sysctl, { messageId: 'systemControls', effect: 'advice' }, data);
        }
      }

      for (const spec of TASK_SPECS) {
        const n = task.at(...spec.path);
        if (spec.on(n)) report(n, spec, { family: w.name });
      }
      const ipc = task.get('ipcMode');
      if (isSet(ipc)) {
        const mode = str(ipc) ?? String(ipc.value);
        if (mode === 'host') report(ipc, { messageId: 'ipcHost', effect: 'blocks' }, { mode });
        else report(ipc, { messageId: 'ipcMode', effect: 'needs-change', remove: 'Remove "ipcMode"' }, { mode });
      }
      const pid = task.get('pidMode');
      if (str(pid) === 'host') report(pid!, { messageId: 'pidHost', effect: 'blocks' }, {});
    }
  },
});
