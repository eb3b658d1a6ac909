import { str } from '../source/source-node';
import type { RelatedDescriptor } from './define-rule';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'eks-fargate-host-path',
    title: 'hostPath volumes are not supported on Fargate',
    description: 'Flags pod volumes of type hostPath. A Fargate pod has no node file system to mount: Fargate rejects the pod.',
    remediation: 'Use an emptyDir for scratch space, a ConfigMap or Secret for files, or a statically provisioned EFS volume for shared data; or run the workload on EC2 nodes.',
    formats: ['kubernetes'],
    // ECS on Fargate: `host.sourcePath` is not supported either (bind mounts are task-local).
    platforms: ['eks-fargate', 'ecs-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: [
      'Amazon EKS User Guide: AWS Fargate considerations (latest/ug/nodes/fargate.adoc): no DaemonSets, no node access',
      'fargate-scheduler event "Pod not supported on Fargate: volumes not supported" for hostPath volumes (pachyderm/pachyderm#4522)',
      'Amazon ECS API reference: HostVolumeProperties (sourcePath is not supported for Fargate tasks)',
    ],
    messages: {
      hostPath: 'Volume "{{volume}}" of {{kind}} "{{name}}" mounts the node path {{path}}; Fargate rejects hostPath volumes because a Fargate pod has no node to mount from.',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.pods()) {
      for (const v of w.pod.volumes) {
        const hp = v.get('hostPath');
        if (!hp) continue;
        const volume = str(v.get('name')) ?? '(unnamed)';
        const path = str(hp.get('path'));
        // Point at the containers that mount it, so the user sees what depends on the node.
        const related: RelatedDescriptor[] = [];
        for (const c of w.containers) {
          for (const m of c.node.get('volumeMounts')?.items() ?? []) {
            if (str(m.get('name')) === volume) related.push({ file: w.file, node: m.get('mountPath') ?? m, message: `mounted by container "${c.name}"` });
          }
        }
        ctx.report({
          node: hp,
          messageId: 'hostPath',
          data: { volume, kind: w.kind, name: w.name, path: path ? `"${path}"` : '(path not set)' },
          workload: w,
          related,
        });
      }
    }
  },
});
