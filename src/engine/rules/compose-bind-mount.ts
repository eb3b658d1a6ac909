import type { SourceNode } from '../source/source-node';
import { str } from '../source/source-node';
import { isHostSystemPath } from '../rule-helpers/ecs-helpers';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'compose-bind-mount',
    title: 'Host bind mounts need EFS or the image on Fargate',
    description: 'Flags compose volumes that bind-mount a host path: Fargate tasks have no host paths, so the data moves to an EFS volume or the files into the image. Host paths that reach into the host itself (the Docker socket, /proc, /sys, /dev) block the move; named volumes get advice, since task storage ends with the task.',
    remediation: 'Bake files into the image, put data that must persist or be shared on an EFS volume (or a managed database), and keep host agents on EC2.',
    formats: ['compose'],
    platforms: ['ecs-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'warning',
    sources: [
      'Amazon ECS API Reference: HostVolumeProperties (sourcePath is not supported on Fargate)',
      'Amazon ECS Developer Guide: fargate-task-storage.md, bind-mounts.md @49232cf2 (task storage; EFS for persistence)',
    ],
    messages: {
      bind: 'Service "{{name}}" bind-mounts host path {{path}}; Fargate tasks have no host paths. Bake the files into the image, or put data that must persist or be shared on an EFS volume.',
      hostSystem: 'Service "{{name}}" mounts {{path}} from the host, which gives the container the host itself; a Fargate task has no host to give.',
      named: 'Service "{{name}}" keeps data in volume "{{volume}}"; a Fargate task\'s storage ends with the task, so data that must persist belongs on an EFS volume (or a managed database).',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.workloads()) {
      for (const item of w.node.get('volumes')?.items() ?? []) {
        const m = mountOf(item);
        if (!m) continue;
        const data = { name: w.name, path: m.source, volume: m.source };
        if (m.type === 'volume') ctx.report({ node: m.node, messageId: 'named', data, workload: w, effect: 'advice', severity: 'info' });
        else if (isHostSystemPath(m.source)) ctx.report({ node: m.node, messageId: 'hostSystem', data, workload: w, effect: 'blocks' });
        else ctx.report({ node: m.node, messageId: 'bind', data, workload: w });
      }
    }
  },
});

/**
 * Reads a compose volume entry: the short form "SRC:DST[:MODE]" (with Windows drive
 * letters such as "C:\data:/data") or the long form {type, source, target}. A source
 * that is a path (or a variable, which compose expands to one) is a bind mount; a bare
 * name is a named volume. Anonymous volumes (a target only) are left alone.
 */
function mountOf(item: SourceNode): { type: 'bind' | 'volume'; source: string; node: SourceNode } | undefined {
  if (item.kind === 'map') {
    const type = str(item.get('type'));
    const source = str(item.get('source'));
    if (!source) return undefined;
    const node = item.get('source') ?? item;
    if (type === 'bind') return { type: 'bind', source, node };
    if (type === 'volume') return { type: 'volume', source, node };
    return undefined;
  }
  const s = str(item);
  if (!s) return undefined;
  const parts = s.split(':');
  if (/^[A-Za-z]$/.test(parts[0]) && /^[\\/]/.test(parts[1] ?? '')) parts.splice(0, 2, `${parts[0]}:${parts[1]}`);
  if (parts.length < 2) return undefined;
  const source = parts[0];
  const isPath = /^([./~$]|[A-Za-z]:[\\/]|\\\\)/.test(source);
  return { type: isPath ? 'bind' : 'volume', source, node: item };
}
