import type { SourceNode } from '../source/source-node';
import { str } from '../source/source-node';
import type { KubernetesObjectRef, WorkspaceIndex } from '../workspace-index';
import type { RelatedDescriptor } from './define-rule';
import { defineRule } from './define-rule';
import { isTemplatedValue, mayInjectKeys } from '../rule-helpers/pod-helpers';

const EBS_PROVISIONERS = new Set(['ebs.csi.aws.com', 'kubernetes.io/aws-ebs']);
const EFS_DRIVER = 'efs.csi.aws.com';
/** StorageClass names that are EBS on EKS in practice (the gp2 default and the common gp3/io classes). */
const EBS_LIKE_NAMES = /^(gp2|gp3|io1|io2|st1|sc1|ebs(-[\w-]+)?|[\w-]*-ebs[\w-]*)$/;
const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

type Kind = 'ebs' | 'dynamic' | 'notEfs' | 'unknown';

/** Why a claim will not mount on Fargate, or undefined when it is statically provisioned EFS. */
interface Verdict {
  kind: Kind;
  why: string;
  related: RelatedDescriptor[];
}

function rel(o: KubernetesObjectRef, node: SourceNode | undefined, message: string): RelatedDescriptor {
  return { file: o.doc.file, node: node ?? o.node.get('kind') ?? o.node, message };
}

/** The volume source a PersistentVolume uses, for messages: "nfs", "csi driver fsx.csi.aws.com". */
function pvSource(pv: SourceNode): { ebs: boolean; efs: boolean; label: string; node?: SourceNode } {
  const spec = pv.get('spec');
  const driver = spec?.at('csi', 'driver');
  const d = str(driver);
  if (d) return { ebs: EBS_PROVISIONERS.has(d), efs: d === EFS_DRIVER, label: `CSI driver ${d}`, node: driver };
  const ebs = spec?.get('awsElasticBlockStore');
  if (ebs) return { ebs: true, efs: false, label: 'awsElasticBlockStore', node: ebs };
  const other = spec?.entries().find((e) => e.kind === 'map' && !['claimRef', 'nodeAffinity', 'capacity', 'mountOptions'].includes(e.key ?? ''));
  return { ebs: false, efs: false, label: other?.key ?? 'an unknown volume source', node: other };
}

function judgePv(pv: KubernetesObjectRef): Verdict | undefined {
  const src = pvSource(pv.node);
  if (src.efs) return undefined;
  const related = [rel(pv, src.node, `PersistentVolume "${pv.name}"`)];
  if (src.ebs) return { kind: 'ebs', why: `PersistentVolume "${pv.name}" uses ${src.label}`, related };
  return { kind: 'notEfs', why: `PersistentVolume "${pv.name}" uses ${src.label}`, related };
}

function defaultClass(index: WorkspaceIndex): KubernetesObjectRef | undefined {
  return index.objectsOfKind('StorageClass').find((o) => DEFAULT_CLASS_ANNOTATIONS.some((a) => str(o.node.at('metadata', 'annotations', a)) === 'true'));
}

/** A StorageClass by name (or the workspace's default class when the name is undefined). */
function judgeClass(index: WorkspaceIndex, className: string | undefined, classNode: SourceNode | undefined, fileOfNode: string): Verdict | undefined {
  const sc = className === undefined ? defaultClass(index) : index.findObject('StorageClass', className);
  const at: RelatedDescriptor[] = classNode ? [{ file: fileOfNode, node: classNode, message: 'storageClassName' }] : [];
  if (!sc) {
    if (className === undefined) {
      return { kind: 'dynamic', why: 'no storageClassName: the cluster\'s default StorageClass provisions it, and on EKS that default, where set, is gp2 (EBS)', related: at };
    }
    const hint = EBS_LIKE_NAMES.test(className) ? `; on EKS "${className}" is usually an EBS class` : '';
    return { kind: 'unknown', why: `StorageClass "${className}" is not in the workspace${hint}`, related: at };
  }
  const name = className === undefined ? `the default StorageClass "${sc.name}"` : `StorageClass "${sc.name}"`;
  const provNode = sc.node.get('provisioner');
  const provisioner = str(provNode);
  const related = [...at, rel(sc, provNode, `${name}`)];
  if (!provisioner) return { kind: 'unknown', why: `${name} has no readable provisioner`, related };
  if (EBS_PROVISIONERS.has(provisioner)) return { kind: 'ebs', why: `${name} uses provisioner ${provisioner}`, related };
  if (provisioner !== EFS_DRIVER) return { kind: 'notEfs', why: `${name} uses provisioner ${provisioner}`, related };
  // The EFS driver provisions dynamically (access points) only when the class says how.
  const mode = sc.node.at('parameters', 'provisioningMode');
  if (mode) return { kind: 'dynamic', why: `${name} sets provisioningMode ${str(mode) ?? '(templated)'}, so the EFS driver creates access points on demand`, related: [...at, rel(sc, mode, `${name}`)] };
  return undefined;
}

/**
 * A claim's spec (a PVC's, or a volumeClaimTemplate's): EFS with static provisioning
 * is the only storage a Fargate pod can mount.
 */
function judgeClaimSpec(index: WorkspaceIndex, spec: SourceNode | undefined, file: string, claimName: string | undefined, namespace: string | undefined): Verdict | undefined {
  const classNode = spec?.get('storageClassName');
  const className = classNode && classNode.value !== null ? str(classNode) ?? '' : undefined;
  const volumeName = str(spec?.get('volumeName'));
  if (volumeName) {
    const pv = index.findObject('PersistentVolume', volumeName);
    if (pv) return judgePv(pv);
    // The PV is elsewhere; a static EFS class still tells us enough.
    if (className) {
      const v = judgeClass(index, className, classNode, file);
      if (!v) return undefined;
      if (v.kind !== 'dynamic') return v;
    }
    return { kind: 'unknown', why: `it is bound to PersistentVolume "${volumeName}", which is not in the workspace`, related: [] };
  }
  if (className === '') {
    // Static binding to a pre-created PV without a class: look for it.
    const pvs = index.objectsOfKind('PersistentVolume').filter((o) => !str(o.node.at('spec', 'storageClassName')));
    const claimed = pvs.find((o) => claimName !== undefined && str(o.node.at('spec', 'claimRef', 'name')) === claimName && (!namespace || !str(o.node.at('spec', 'claimRef', 'namespace')) || str(o.node.at('spec', 'claimRef', 'namespace')) === namespace));
    if (claimed) return judgePv(claimed);
    const candidates = pvs.filter((o) => !str(o.node.at('spec', 'claimRef', 'name')));
    if (!candidates.length) return { kind: 'unknown', why: 'storageClassName "" binds a pre-created PersistentVolume, and none is in the workspace', related: [] };
    return candidates.map(judgePv).find((v) => v !== undefined);
  }
  return judgeClass(index, className, classNode, file);
}

export default defineRule({
  meta: {
    id: 'eks-fargate-persistent-volume',
    title: 'Fargate mounts only statically provisioned EFS volumes',
    description: 'Follows each pod volume claim (and StatefulSet volumeClaimTemplate) to its PersistentVolumeClaim, PersistentVolume and StorageClass across the workspace, and flags EBS-backed, dynamically provisioned, non-EFS or unresolvable storage, and inline EBS volumes.',
    remediation: 'Use Amazon EFS with static provisioning (a pre-created PersistentVolume for the EFS CSI driver, and a claim that binds to it), or run the workload on EC2 nodes to keep EBS.',
    formats: ['kubernetes'],
    // ECS on Fargate can attach EBS volumes to tasks, so this limit is EKS's alone.
    platforms: ['eks-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: [
      'Amazon EKS User Guide: AWS Fargate considerations (latest/ug/nodes/fargate.adoc): no EBS volumes; no dynamic persistent volume provisioning; EFS static provisioning only',
      'fargate-scheduler event "PVC ... bound to invalid PV ... with CSI Driver: ebs.csi.aws.com" (kubernetes-sigs/aws-ebs-csi-driver#810)',
      'aws-efs-csi-driver: static provisioning (PV with csi.driver efs.csi.aws.com) and dynamic provisioning (StorageClass parameters.provisioningMode: efs-ap)',
    ],
    messages: {
      ebs: '{{subject}} is backed by EBS ({{why}}); Fargate cannot attach EBS volumes.',
      dynamic: '{{subject}} is provisioned dynamically ({{why}}); Fargate mounts only statically provisioned EFS volumes.',
      notEfs: '{{subject}} is not EFS ({{why}}); Fargate mounts only statically provisioned EFS volumes.',
      unknown: '{{subject}} cannot be checked ({{why}}); Fargate mounts only statically provisioned EFS volumes, so the safe reading is that it will not mount.',
    },
    scope: 'workspace',
  },
  check(ctx) {
    for (const w of ctx.pods()) {
      const text = ctx.text(w.file);
      const where = `${w.kind} "${w.name}"`;
      for (const v of w.pod.volumes) {
        const volume = str(v.get('name')) ?? '(unnamed)';
        const subject = `Volume "${volume}" of ${where}`;
        const inlineEbs = v.get('awsElasticBlockStore');
        const inlineCsi = str(v.at('csi', 'driver'));
        if (inlineEbs || (inlineCsi && EBS_PROVISIONERS.has(inlineCsi))) {
          ctx.report({ node: inlineEbs ?? v.at('csi', 'driver')!, messageId: 'ebs', data: { subject, why: inlineEbs ? 'an inline awsElasticBlockStore volume' : `an inline ${inlineCsi} volume` }, workload: w });
          continue;
        }
        const eph = v.get('ephemeral');
        if (eph) {
          ctx.report({ node: eph, messageId: 'dynamic', data: { subject, why: 'a generic ephemeral volume, created from its volumeClaimTemplate for each pod' }, workload: w });
          continue;
        }
        const claimNode = v.at('persistentVolumeClaim', 'claimName');
        if (!claimNode || isTemplatedValue(w.doc, text, claimNode)) continue;
        const claim = str(claimNode);
        if (!claim) continue;
        const pvc = ctx.index.findObject('PersistentVolumeClaim', claim, w.namespace);
        const claimSubject = `${subject} (PersistentVolumeClaim "${claim}")`;
        let verdict: Verdict | undefined;
        if (!pvc) verdict = { kind: 'unknown', why: `PersistentVolumeClaim "${claim}" is not in the workspace`, related: [] };
        else if (classUnknown(pvc.doc, ctx.text(pvc.doc.file), pvc.node.get('spec'))) continue;
        else verdict = judgeClaimSpec(ctx.index, pvc.node.get('spec'), pvc.doc.file, claim, pvc.namespace ?? w.namespace);
        if (!verdict) continue;
        const related = pvc ? [rel(pvc, pvc.node.at('metadata', 'name'), `PersistentVolumeClaim "${claim}"`), ...verdict.related] : verdict.related;
        ctx.report({ node: claimNode, messageId: verdict.kind, data: { subject: claimSubject, why: verdict.why }, workload: w, related: dedupe(related) });
      }
      if (w.kind !== 'StatefulSet') continue;
      for (const t of w.node.at('spec', 'volumeClaimTemplates')?.items() ?? []) {
        if (t.kind !== 'map') continue;
        const name = str(t.at('metadata', 'name')) ?? '(unnamed)';
        const spec = t.get('spec');
        const classNode = spec?.get('storageClassName');
        if (classUnknown(w.doc, text, spec)) continue;
        const verdict = judgeClaimSpec(ctx.index, spec, w.file, undefined, w.namespace);
        if (!verdict) continue;
        ctx.report({
          node: classNode ?? t.at('metadata', 'name') ?? t,
          messageId: verdict.kind,
          data: { subject: `volumeClaimTemplate "${name}" of ${where}`, why: verdict.why },
          workload: w,
          // The template's own storageClassName is the finding's anchor; keep only other places.
          related: dedupe(verdict.related.filter((r) => r.file !== w.file || r.node?.start !== classNode?.start)),
        });
      }
    }
  },
});

/**
 * In a Helm template, a claim's class is unknown when `storageClassName` is a template
 * value, or when it is absent but a template line could add it
 * (`{{- include "common.storage.class" . }}`).
 */
function classUnknown(doc: { templated: boolean }, text: string, spec: SourceNode | undefined): boolean {
  if (!doc.templated || !spec) return false;
  const classNode = spec.get('storageClassName');
  return classNode ? isTemplatedValue(doc, text, classNode) : spec.kind !== 'map' || mayInjectKeys(text, spec);
}

function dedupe(list: RelatedDescriptor[]): RelatedDescriptor[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    const k = `${r.file}:${r.node?.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
