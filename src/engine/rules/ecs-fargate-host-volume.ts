import type { SourceNode } from '../source/source-node';
import { str } from '../source/source-node';
import type { RelatedDescriptor } from './define-rule';
import { fargateSeverity, isHostSystemPath, isSet, removeJsonMember } from '../rule-helpers/ecs-helpers';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'ecs-fargate-host-volume',
    title: 'Fargate has no host paths or Docker volumes',
    description: 'Flags task definition volumes that Fargate cannot provide: host.sourcePath bind mounts and dockerVolumeConfiguration volumes. A host path that reaches into the host itself (the Docker socket, /proc, /sys, /dev) blocks the move.',
    remediation: 'Use an EFS volume for data that must outlive the task or be shared, or drop sourcePath/dockerVolumeConfiguration for task-scoped storage on the task\'s ephemeral storage.',
    formats: ['ecs-task-definition'],
    platforms: ['ecs-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'warning',
    sources: [
      'Amazon ECS API Reference: HostVolumeProperties (sourcePath is not supported on Fargate)',
      'Amazon ECS Developer Guide: fargate-task-storage.md, bind-mounts.md @49232cf2 (bind mounts without a host path; EFS for persistence)',
      'Amazon ECS Developer Guide: fargate-tasks-services.html (dockerVolumeConfiguration is not supported)',
    ],
    messages: {
      sourcePath: 'Volume "{{volume}}" bind-mounts host path {{path}}; Fargate tasks have no host paths. Use an EFS volume for data that must persist or be shared, or task storage for scratch data.',
      hostSystemPath: 'Volume "{{volume}}" mounts {{path}} from the host, which gives the container the host itself; a Fargate task has no host to give.',
      dockerVolume: 'Volume "{{volume}}" uses dockerVolumeConfiguration (scope {{scope}}), which Fargate does not support. Use an EFS volume for data that must persist or be shared, or a task volume for scratch data.',
    },
    scope: 'document',
  },
  check(ctx) {
    const text = ctx.text();
    for (const w of ctx.workloads()) {
      const task = w.node;
      for (const v of task.get('volumes')?.items() ?? []) {
        const volume = str(v.get('name')) ?? '(unnamed)';
        const related = mountsOf(task, volume, w.file);
        const host = v.get('host');
        const source = host?.get('sourcePath');
        const path = str(source);
        if (source && path !== undefined && path.trim() !== '') {
          if (isHostSystemPath(path)) {
            ctx.report({ node: source, messageId: 'hostSystemPath', data: { volume, path }, workload: w, related, effect: 'blocks', severity: fargateSeverity(task, 'blocks') });
          } else {
            // Dropping the host (or just sourcePath) leaves a bind mount on task storage: the
            // container still starts, but the data no longer outlives the task.
            const target = host!.entries().length === 1 ? host! : source;
            ctx.report({
              node: source,
              messageId: 'sourcePath',
              data: { volume, path },
              workload: w,
              related,
              severity: fargateSeverity(task),
              suggest: [{ title: `Remove ${target === host ? '"host"' : '"sourcePath"'} (task-scoped storage: the data ends with the task)`, edits: removeJsonMember(text, target) }],
            });
          }
        }
        const docker = v.get('dockerVolumeConfiguration');
        if (docker && (docker.kind === 'map' || isSet(docker))) {
          ctx.report({
            node: docker,
            messageId: 'dockerVolume',
            data: { volume, scope: str(docker.get('scope')) ?? 'task' },
            workload: w,
            related,
            severity: fargateSeverity(task),
            suggest: [{ title: 'Remove "dockerVolumeConfiguration" (task-scoped storage: the data ends with the task)', edits: removeJsonMember(text, docker) }],
          });
        }
      }
    }
  },
});

/** The mount points that use a volume, so the finding can point at what depends on it. */
function mountsOf(task: SourceNode, volume: string, file: string): RelatedDescriptor[] {
  const out: RelatedDescriptor[] = [];
  for (const c of task.get('containerDefinitions')?.items() ?? []) {
    for (const m of c.get('mountPoints')?.items() ?? []) {
      const src = m.get('sourceVolume');
      if (str(src) === volume) out.push({ file, node: src, message: `mounted by container "${str(c.get('name')) ?? '(unnamed)'}" at ${str(m.get('containerPath')) ?? '?'}` });
    }
  }
  return out;
}
