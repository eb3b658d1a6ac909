// The Kubernetes API lifecycle table: every built-in group/version/kind that was
// deprecated or stopped being served between 1.8 and 1.36, and the well-known
// deprecated fields, annotations and labels. ../shared/data has no such table, so the
// authored data lives here and this file is its source of truth.
//
//   node scripts/knowledge/kubernetes-apis.mjs           print the generated module
//   node scripts/knowledge/kubernetes-apis.mjs --write   write src/engine/knowledge/kubernetes-apis.ts
//   node scripts/knowledge/kubernetes-apis.mjs --check   exit 1 if the committed module is stale
//
// scripts/build-knowledge.mjs imports this module and calls generate(). Output must be
// deterministic: rows are sorted, keys are written in a fixed order, no timestamps.
//
// How each column was decided (the row's `source` and `evidence` say which applied):
// - removedIn: the Deprecated API Migration Guide ("no longer served as of vX"). For
//   rows the guide does not list, the prerelease-lifecycle `removed` tag or the release
//   notes.
// - deprecatedIn: the API server's own prerelease-lifecycle tags in
//   staging/src/k8s.io/api/**/zz_generated.prerelease-lifecycle.go, which are also what
//   kube-apiserver prints ("X is deprecated in v1.N+, unavailable in v1.M+"). Where Pluto
//   disagrees, the row's evidence records Pluto's value.
// - introducedIn: only where the lifecycle tag matches the release history; the tags
//   were back-filled in 1.19 and are approximate for some older APIs, so those are null.
// - migration: 'mechanical' when changing apiVersion is enough for every valid manifest
//   of the old version; 'field-changes' when some manifests need edits, or a review of a
//   default or meaning that changed; 'no-replacement' when nothing replaces the API.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTPUT = 'src/engine/knowledge/kubernetes-apis.ts';

/** The day this table was researched. */
const AS_OF = '2026-11-25';

// ---------------------------------------------------------------------------
// Sources

const S = {
  guide: 'Deprecated API Migration Guide (kubernetes/website content/en/docs/reference/using-api/deprecation-guide.md): '
    + 'newest stored English copy read has sections v1.32, v1.29, v1.27, v1.26, v1.25, v1.22, v1.16 (v1.32 is the newest); '
    + 'older copies @6a6fc841 and @02afb710 and the zh-cn copy @02b02f2d were compared',
  lifecycle: 'kubernetes/kubernetes staging/src/k8s.io/api/<group>/<version>/zz_generated.prerelease-lifecycle.go '
    + '(APILifecycleIntroduced/Deprecated/Removed/Replacement); the per-group commit is named in each row',
  warnings: 'kube-apiserver deprecation warnings ("<apiVersion> <Kind> is deprecated in v1.N+, unavailable in v1.M+; use ...") '
    + 'as quoted verbatim in public logs and changelogs; they are printed from the same lifecycle tags',
  pluto: 'FairwindsOps/pluto versions.yaml @0c240f6f (root copy; the newer pkg/api/versions.yaml was not in the stored index)',
  kubent: 'doitintl/kube-no-trouble pkg/rules/rego/deprecated-1-16, -1-22, -1-25, -1-26, -1-27, -1-29, -1-32 .rego',
  changelog123: 'kubernetes/kubernetes CHANGELOG-1.23.md, API Change: rbac.authorization.k8s.io/v1alpha1 and scheduling.k8s.io/v1alpha1 '
    + 'are removed (#104248)',
  changelog18: 'kubernetes/kubernetes CHANGELOG-1.8.md (quoted in kubernetes/kubernetes#84758): rbac v1alpha1 is deprecated',
  podWarnings: 'kubernetes/kubernetes pkg/api/pod/warnings.go @00f6e68e (deprecated annotations and volume plugins)',
  nodeLabels: 'kubernetes/kubernetes pkg/api/node/util.go @008b3652 (deprecatedNodeLabels)',
  labelsPage: 'kubernetes/website content/en/docs/reference/labels-annotations-taints/_index.md @00a7fc2e; '
    + 'AppArmor entry from the newer copy and its translations',
  seccomp: 'kubernetes/kubernetes#109819 (1.25: kubelet stops honouring the seccomp annotations) and #114947 '
    + '(1.27: annotations non-functional); pkg/api/pod/warnings.go "non-functional in v1.27+"',
  loadBalancerIP: 'kubernetes/kubernetes CHANGELOG-1.24.md, Deprecation: Service.Spec.LoadBalancerIP (#107235)',
  externalIPs: 'KEP-5707 (kubernetes/enhancements#5707) and the Kubernetes v1.36 release blog: Service spec.externalIPs deprecated in v1.36',
  apiReference: 'Kubernetes API reference, PodSpec: serviceAccount is "a deprecated alias for ServiceAccountName" (current and v1.9-era OpenAPI)',
  featureGates: 'kubernetes/website feature gate data: ExperimentalCriticalPodAnnotation deprecated 1.13, removed after 1.16',
};

/** Everything read, in the order the table relies on it. */
const SOURCES = [
  S.guide, S.lifecycle, S.warnings, S.changelog123, S.changelog18, S.pluto, S.kubent,
  S.podWarnings, S.nodeLabels, S.labelsPage, S.seccomp, S.loadBalancerIP, S.externalIPs, S.apiReference, S.featureGates,
];

/** Commit of the lifecycle file read for each group/version (short SHA). */
const LC = {
  'extensions/v1beta1': '054d429d',
  'apps/v1beta1': '05c351a9',
  'apps/v1beta2': '13cca8b4',
  'admissionregistration.k8s.io/v1beta1': '3efbfe9e',
  'apiextensions.k8s.io/v1beta1': '2d58ef78',
  'apiregistration.k8s.io/v1beta1': '8a4dab03',
  'authentication.k8s.io/v1beta1': '819ecd4d',
  'authorization.k8s.io/v1beta1': '2d58ef78',
  'autoscaling/v2beta1': '650c573d',
  'batch/v1beta1': '2d58ef78',
  'certificates.k8s.io/v1beta1': '216a68cc',
  'coordination.k8s.io/v1beta1': '8a4dab03',
  'discovery.k8s.io/v1beta1': '16610bbb',
  'events.k8s.io/v1beta1': '4a0608cb',
  'flowcontrol.apiserver.k8s.io/v1beta1': '054d429d',
  'flowcontrol.apiserver.k8s.io/v1beta3': '6f137b77',
  'networking.k8s.io/v1beta1': '958073fd',
  'node.k8s.io/v1beta1': '05c351a9',
  'policy/v1beta1': '1cbb9f34',
  'rbac.authorization.k8s.io/v1beta1': '05c351a9',
  'scheduling.k8s.io/v1beta1': '650c573d',
  'storage.k8s.io/v1beta1': '21d53d4b',
};

function lifecycle(apiVersion, what) {
  const commit = LC[apiVersion];
  if (!commit) throw new Error(`no lifecycle commit recorded for ${apiVersion}`);
  return `lifecycle tags ${apiVersion} @${commit}: ${what}`;
}

// ---------------------------------------------------------------------------
// API rows. Authored compactly; normalise() fills in group/version and defaults.

const SELECTOR_REQUIRED = 'spec.selector is required and immutable in apps/v1 (the old version defaulted it from the pod '
  + 'template labels); set it to the existing template labels';

const APIS = [
  // ---- v1.16 (guide section "v1.16") ----
  {
    apiVersion: 'extensions/v1beta1', kind: 'Deployment', introducedIn: null, deprecatedIn: '1.8', removedIn: '1.16',
    replacement: ['apps/v1', 'Deployment'], replacementAvailableIn: '1.9', migration: 'field-changes',
    changes: [
      SELECTOR_REQUIRED,
      'spec.rollbackTo is removed',
      'spec.progressDeadlineSeconds defaults to 600 (extensions/v1beta1 had no deadline)',
      'spec.revisionHistoryLimit defaults to 10 (extensions/v1beta1 kept every ReplicaSet)',
      'rolling-update maxSurge and maxUnavailable default to 25% (extensions/v1beta1 used 1)',
    ],
    source: 'guide v1.16 #deployment-v116',
    evidence: [lifecycle('extensions/v1beta1', 'deprecated 1.8, removed 1.16, replacement apps/v1'), 'kubent deprecated-1-16: replace with apps/v1', 'pluto: deprecated 1.9 (differs; lifecycle tag kept)'],
    notes: 'The lifecycle tag says introduced 1.1; left null because Deployment only reached beta in extensions/v1beta1 later.',
  },
  {
    apiVersion: 'apps/v1beta1', kind: 'Deployment', introducedIn: '1.6', deprecatedIn: '1.8', removedIn: '1.16',
    replacement: ['apps/v1', 'Deployment'], replacementAvailableIn: '1.9', migration: 'field-changes',
    changes: [SELECTOR_REQUIRED, 'spec.rollbackTo is removed', 'spec.revisionHistoryLimit defaults to 10 (apps/v1beta1 used 2)'],
    source: 'guide v1.16 #deployment-v116',
    evidence: [lifecycle('apps/v1beta1', 'introduced 1.6, deprecated 1.8, removed 1.16'), 'kubent deprecated-1-16', 'pluto: deprecated 1.9 (differs)'],
  },
  {
    apiVersion: 'apps/v1beta2', kind: 'Deployment', introducedIn: '1.8', deprecatedIn: '1.9', removedIn: '1.16',
    replacement: ['apps/v1', 'Deployment'], replacementAvailableIn: '1.9', migration: 'mechanical',
    changes: [],
    source: 'guide v1.16 #deployment-v116',
    evidence: [lifecycle('apps/v1beta2', 'introduced 1.8, deprecated 1.9, removed 1.16'), 'kubent deprecated-1-16', 'pluto: deprecated 1.9 (agrees)',
      'kubernetes/kubernetes pkg/apis/apps/v1beta2/defaults.go: no selector defaulting; RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600, as in apps/v1'],
    notes: 'The guide lists one set of notable changes for all three old versions; they describe extensions/v1beta1 and apps/v1beta1. apps/v1beta2 already required spec.selector and had the apps/v1 defaults.',
  },
  {
    apiVersion: 'extensions/v1beta1', kind: 'DaemonSet', introducedIn: null, deprecatedIn: '1.8', removedIn: '1.16',
    replacement: ['apps/v1', 'DaemonSet'], replacementAvailableIn: '1.9', migration: 'field-changes',
    changes: [SELECTOR_REQUIRED, 'spec.templateGeneration is removed', 'spec.updateStrategy.type defaults to RollingUpdate (extensions/v1beta1 used OnDelete)'],
    source: 'guide v1.16 #daemonset-v116',
    evidence: [lifecycle('extensions/v1beta1', 'deprecated 1.8, removed 1.16'), 'kubent deprecated-1-16', 'pluto: deprecated 1.9 (differs)'],
  },
  {
    apiVersion: 'apps/v1beta2', kind: 'DaemonSet', introducedIn: '1.8', deprecatedIn: '1.9', removedIn: '1.16',
    replacement: ['apps/v1', 'DaemonSet'], replacementAvailableIn: '1.9', migration: 'mechanical',
    changes: [],
    source: 'guide v1.16 #daemonset-v116',
    evidence: [lifecycle('apps/v1beta2', 'introduced 1.8, deprecated 1.9, removed 1.16'), 'kubent deprecated-1-16', 'pluto: deprecated 1.9 (agrees)',
      'pkg/apis/apps/v1beta2/defaults.go: updateStrategy already defaults to RollingUpdate'],
  },
  {
    apiVersion: 'extensions/v1beta1', kind: 'ReplicaSet', introducedIn: '1.2', deprecatedIn: '1.8', removedIn: '1.16',
    replacement: ['apps/v1', 'ReplicaSet'], replacementAvailableIn: '1.9', migration: 'field-changes',
    changes: [SELECTOR_REQUIRED],
    source: 'guide v1.16 #replicaset-v116',
    evidence: [lifecycle('extensions/v1beta1', 'introduced 1.2, deprecated 1.8, removed 1.16'), 'kubent deprecated-1-16', 'pluto: no deprecation version (differs)'],
  },
  {
    apiVersion: 'apps/v1beta1', kind: 'ReplicaSet', introducedIn: null, deprecatedIn: null, removedIn: '1.16',
    replacement: ['apps/v1', 'ReplicaSet'], replacementAvailableIn: '1.9', migration: 'field-changes',
    changes: [SELECTOR_REQUIRED],
    source: 'guide v1.16 #replicaset-v116',
    evidence: ['kubent deprecated-1-16 and pluto also list it', `${lifecycle('apps/v1beta1', 'has no ReplicaSet type')}`],
    notes: 'The guide names apps/v1beta1 ReplicaSet, but apps/v1beta1 never defined a ReplicaSet type, so no release served it. Kept so that such a manifest is reported as not served.',
  },
  {
    apiVersion: 'apps/v1beta2', kind: 'ReplicaSet', introducedIn: '1.8', deprecatedIn: '1.9', removedIn: '1.16',
    replacement: ['apps/v1', 'ReplicaSet'], replacementAvailableIn: '1.9', migration: 'mechanical',
    changes: [],
    source: 'guide v1.16 #replicaset-v116',
    evidence: [lifecycle('apps/v1beta2', 'introduced 1.8, deprecated 1.9, removed 1.16'), 'kubent deprecated-1-16', 'pluto: no deprecation version (differs)'],
  },
  {
    apiVersion: 'apps/v1beta1', kind: 'StatefulSet', introducedIn: '1.5', deprecatedIn: '1.8', removedIn: '1.16',
    replacement: ['apps/v1', 'StatefulSet'], replacementAvailableIn: '1.9', migration: 'field-changes',
    changes: [SELECTOR_REQUIRED, 'spec.updateStrategy.type defaults to RollingUpdate (apps/v1beta1 used OnDelete)'],
    source: 'guide v1.16 #statefulset-v116',
    evidence: [lifecycle('apps/v1beta1', 'introduced 1.5, deprecated 1.8, removed 1.16'), 'kubent deprecated-1-16', 'pluto: deprecated 1.9 (differs)'],
  },
  {
    apiVersion: 'apps/v1beta2', kind: 'StatefulSet', introducedIn: '1.8', deprecatedIn: '1.9', removedIn: '1.16',
    replacement: ['apps/v1', 'StatefulSet'], replacementAvailableIn: '1.9', migration: 'mechanical',
    changes: [],
    source: 'guide v1.16 #statefulset-v116',
    evidence: [lifecycle('apps/v1beta2', 'introduced 1.8, deprecated 1.9, removed 1.16'), 'kubent deprecated-1-16', 'pluto: deprecated 1.9 (agrees)',
      'pkg/apis/apps/v1beta2/defaults.go: updateStrategy already defaults to RollingUpdate'],
  },
  {
    apiVersion: 'apps/v1beta1', kind: 'ControllerRevision', introducedIn: '1.7', deprecatedIn: '1.8', removedIn: '1.16',
    replacement: ['apps/v1', 'ControllerRevision'], replacementAvailableIn: '1.9', migration: 'mechanical',
    changes: [],
    source: lifecycle('apps/v1beta1', 'introduced 1.7, deprecated 1.8, removed 1.16, replacement apps/v1'),
    evidence: ['not listed by the guide, which covers the kinds people write; apps/v1beta1 as a whole stopped being served in 1.16'],
  },
  {
    apiVersion: 'apps/v1beta2', kind: 'ControllerRevision', introducedIn: '1.8', deprecatedIn: '1.9', removedIn: '1.16',
    replacement: ['apps/v1', 'ControllerRevision'], replacementAvailableIn: '1.9', migration: 'mechanical',
    changes: [],
    source: lifecycle('apps/v1beta2', 'introduced 1.8, deprecated 1.9, removed 1.16, replacement apps/v1'),
    evidence: ['not listed by the guide; apps/v1beta2 as a whole stopped being served in 1.16'],
  },
  {
    apiVersion: 'extensions/v1beta1', kind: 'NetworkPolicy', introducedIn: '1.3', deprecatedIn: '1.9', removedIn: '1.16',
    replacement: ['networking.k8s.io/v1', 'NetworkPolicy'], replacementAvailableIn: '1.8', migration: 'mechanical',
    changes: [],
    source: 'guide v1.16 #networkpolicy-v116',
    evidence: [lifecycle('extensions/v1beta1', 'introduced 1.3, deprecated 1.9, removed 1.16'), 'kubent deprecated-1-16', 'pluto: deprecated 1.9 (agrees)'],
  },
  {
    apiVersion: 'extensions/v1beta1', kind: 'PodSecurityPolicy', introducedIn: null, deprecatedIn: '1.11', removedIn: '1.16',
    replacement: ['policy/v1beta1', 'PodSecurityPolicy'], replacementAvailableIn: '1.10', migration: 'mechanical',
    changes: [],
    source: 'guide v1.16 #psp-v116',
    evidence: [lifecycle('extensions/v1beta1', 'deprecated 1.11, removed 1.16, replacement policy/v1beta1'), 'kubent deprecated-1-16', 'pluto: deprecated 1.10 (differs)'],
    notes: 'The replacement, policy/v1beta1 PodSecurityPolicy, was itself removed in 1.25 with no successor.',
  },

  // ---- v1.22 (guide section "v1.22") ----
  ...['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'].map((kind) => ({
    apiVersion: 'admissionregistration.k8s.io/v1beta1', kind, introducedIn: '1.9', deprecatedIn: '1.16', removedIn: '1.22',
    replacement: ['admissionregistration.k8s.io/v1', kind], replacementAvailableIn: '1.16', migration: 'field-changes',
    changes: [
      'webhooks[*].sideEffects is required; only None and NoneOnDryRun are allowed',
      'webhooks[*].admissionReviewVersions is required',
      'webhooks[*].failurePolicy defaults to Fail (was Ignore)',
      'webhooks[*].matchPolicy defaults to Equivalent (was Exact)',
      'webhooks[*].timeoutSeconds defaults to 10s (was 30s)',
      'webhooks[*].name must be unique within the object',
    ],
    source: 'guide v1.22 #webhook-resources-v122',
    evidence: [lifecycle('admissionregistration.k8s.io/v1beta1', 'introduced 1.9, deprecated 1.16, removed 1.22'), 'apiserver warning: deprecated in v1.16+, unavailable in v1.22+', 'pluto: deprecated 1.16 (agrees)'],
  })),
  {
    apiVersion: 'apiextensions.k8s.io/v1beta1', kind: 'CustomResourceDefinition', introducedIn: '1.7', deprecatedIn: '1.16', removedIn: '1.22',
    replacement: ['apiextensions.k8s.io/v1', 'CustomResourceDefinition'], replacementAvailableIn: '1.16', migration: 'field-changes',
    changes: [
      'spec.scope must be set (no longer defaults to Namespaced)',
      'spec.version is gone; use spec.versions',
      'spec.validation moves to spec.versions[*].schema, which is required and must be a structural schema',
      'spec.subresources and spec.additionalPrinterColumns move under spec.versions[*]',
      'spec.conversion.webhookClientConfig and conversionReviewVersions move under spec.conversion.webhook',
      'spec.preserveUnknownFields: true is not allowed; use x-kubernetes-preserve-unknown-fields in the schema',
      'additionalPrinterColumns[*].JSONPath is renamed jsonPath',
    ],
    source: 'guide v1.22 #customresourcedefinition-v122',
    evidence: [lifecycle('apiextensions.k8s.io/v1beta1', 'introduced 1.7, deprecated 1.16, removed 1.22 (staging/src/k8s.io/apiextensions-apiserver)'), 'apiserver warning: deprecated in v1.16+, unavailable in v1.22+', 'pluto: deprecated 1.16 (agrees)'],
  },
  {
    apiVersion: 'apiregistration.k8s.io/v1beta1', kind: 'APIService', introducedIn: '1.7', deprecatedIn: '1.19', removedIn: '1.22',
    replacement: ['apiregistration.k8s.io/v1', 'APIService'], replacementAvailableIn: '1.10', migration: 'mechanical',
    changes: [],
    source: 'guide v1.22 #apiservice-v122',
    evidence: [lifecycle('apiregistration.k8s.io/v1beta1', 'introduced 1.7, deprecated 1.19, removed 1.22 (staging/src/k8s.io/kube-aggregator)'), 'apiserver warning: deprecated in v1.19+, unavailable in v1.22+', 'pluto: deprecated 1.10 (differs)'],
  },
  {
    apiVersion: 'authentication.k8s.io/v1beta1', kind: 'TokenReview', introducedIn: null, deprecatedIn: '1.19', removedIn: '1.22',
    replacement: ['authentication.k8s.io/v1', 'TokenReview'], replacementAvailableIn: '1.6', migration: 'mechanical',
    changes: [],
    source: 'guide v1.22 #tokenreview-v122',
    evidence: [lifecycle('authentication.k8s.io/v1beta1', 'deprecated 1.19, removed 1.22'), 'kubent deprecated-1-22', 'pluto: deprecated 1.6 (differs)'],
  },
  ...[
    ['LocalSubjectAccessReview', 'field-changes', '1.6'],
    ['SelfSubjectAccessReview', 'mechanical', '1.6'],
    ['SubjectAccessReview', 'field-changes', '1.6'],
    ['SelfSubjectRulesReview', 'mechanical', null],
  ].map(([kind, migration, availableIn]) => ({
    apiVersion: 'authorization.k8s.io/v1beta1', kind, introducedIn: kind === 'SelfSubjectRulesReview' ? '1.8' : null,
    deprecatedIn: '1.19', removedIn: '1.22',
    replacement: ['authorization.k8s.io/v1', kind], replacementAvailableIn: availableIn, migration,
    changes: migration === 'field-changes' ? ['spec.group is renamed spec.groups'] : [],
    source: 'guide v1.22 #subjectaccessreview-resources-v122',
    evidence: [lifecycle('authorization.k8s.io/v1beta1', `${kind} deprecated 1.19, removed 1.22`),
      ...(kind === 'SelfSubjectRulesReview' ? ['named only by the newest guide copy; older copies list the other three kinds'] : ['kubent deprecated-1-22 (SubjectAccessReview)'])],
    ...(kind === 'SelfSubjectRulesReview' ? { notes: 'The guide gives 1.6 for authorization.k8s.io/v1, which predates SelfSubjectRulesReview; its own v1 release is not stated.' } : {}),
  })),
  {
    apiVersion: 'certificates.k8s.io/v1beta1', kind: 'CertificateSigningRequest', introducedIn: null, deprecatedIn: '1.19', removedIn: '1.22',
    replacement: ['certificates.k8s.io/v1', 'CertificateSigningRequest'], replacementAvailableIn: '1.19', migration: 'field-changes',
    changes: [
      'spec.signerName is required; kubernetes.io/legacy-unknown cannot be requested through v1',
      'spec.usages is required, without duplicates, and only known usages',
      'for signers/approvers: status.conditions without duplicate types, status.conditions[*].status required, status.certificate PEM CERTIFICATE blocks only',
    ],
    source: 'guide v1.22 #certificatesigningrequest-v122',
    evidence: [lifecycle('certificates.k8s.io/v1beta1', 'deprecated 1.19, removed 1.22'), 'pluto: deprecated 1.19 (agrees)'],
    notes: 'The lifecycle tag says introduced 1.12, which does not match the release history, so introducedIn is left null.',
  },
  {
    apiVersion: 'coordination.k8s.io/v1beta1', kind: 'Lease', introducedIn: '1.12', deprecatedIn: '1.19', removedIn: '1.22',
    replacement: ['coordination.k8s.io/v1', 'Lease'], replacementAvailableIn: '1.14', migration: 'mechanical',
    changes: [],
    source: 'guide v1.22 #lease-v122',
    evidence: [lifecycle('coordination.k8s.io/v1beta1', 'introduced 1.12, deprecated 1.19, removed 1.22'), 'kubent deprecated-1-22', 'pluto: deprecated 1.14 (differs)'],
  },
  {
    apiVersion: 'extensions/v1beta1', kind: 'Ingress', introducedIn: null, deprecatedIn: '1.14', removedIn: '1.22',
    replacement: ['networking.k8s.io/v1', 'Ingress'], replacementAvailableIn: '1.19', migration: 'field-changes',
    changes: [
      'spec.backend is renamed spec.defaultBackend',
      'backend serviceName becomes service.name',
      'numeric backend servicePort becomes service.port.number; a named one becomes service.port.name',
      'pathType is required on every path (ImplementationSpecific matches the old behaviour)',
    ],
    source: 'guide v1.22 #ingress-v122',
    evidence: [lifecycle('extensions/v1beta1', 'deprecated 1.14, removed 1.22'), 'kubent deprecated-1-22', 'pluto: deprecated 1.14 (agrees)'],
  },
  {
    apiVersion: 'networking.k8s.io/v1beta1', kind: 'Ingress', introducedIn: '1.14', deprecatedIn: '1.19', removedIn: '1.22',
    replacement: ['networking.k8s.io/v1', 'Ingress'], replacementAvailableIn: '1.19', migration: 'field-changes',
    changes: [
      'spec.backend is renamed spec.defaultBackend',
      'backend serviceName becomes service.name',
      'numeric backend servicePort becomes service.port.number; a named one becomes service.port.name',
      'pathType is required on every path (ImplementationSpecific matches the old behaviour)',
    ],
    source: 'guide v1.22 #ingress-v122',
    evidence: [lifecycle('networking.k8s.io/v1beta1', 'introduced 1.14, deprecated 1.19, removed 1.22'), 'kubent deprecated-1-22', 'pluto: deprecated 1.19 (agrees)'],
  },
  {
    apiVersion: 'networking.k8s.io/v1beta1', kind: 'IngressClass', introducedIn: '1.18', deprecatedIn: '1.19', removedIn: '1.22',
    replacement: ['networking.k8s.io/v1', 'IngressClass'], replacementAvailableIn: '1.19', migration: 'mechanical',
    changes: [],
    source: 'guide v1.22 #ingressclass-v122',
    evidence: [lifecycle('networking.k8s.io/v1beta1', 'introduced 1.18, deprecated 1.19, removed 1.22'), 'kubent deprecated-1-22', 'pluto: deprecated 1.19 (agrees)'],
  },
  ...['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'].map((kind) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1beta1', kind, introducedIn: '1.6', deprecatedIn: '1.17', removedIn: '1.22',
    replacement: ['rbac.authorization.k8s.io/v1', kind], replacementAvailableIn: '1.8', migration: 'mechanical',
    changes: [],
    source: 'guide v1.22 #rbac-resources-v122',
    evidence: [lifecycle('rbac.authorization.k8s.io/v1beta1', 'introduced 1.6, deprecated 1.17, removed 1.22'), 'apiserver warning: deprecated in v1.17+, unavailable in v1.22+', 'kubent deprecated-1-22', 'pluto: deprecated 1.17 (agrees)'],
  })),
  {
    apiVersion: 'scheduling.k8s.io/v1beta1', kind: 'PriorityClass', introducedIn: '1.11', deprecatedIn: '1.14', removedIn: '1.22',
    replacement: ['scheduling.k8s.io/v1', 'PriorityClass'], replacementAvailableIn: '1.14', migration: 'mechanical',
    changes: [],
    source: 'guide v1.22 #priorityclass-v122',
    evidence: [lifecycle('scheduling.k8s.io/v1beta1', 'introduced 1.11, deprecated 1.14, removed 1.22'), 'kubent deprecated-1-22', 'pluto: deprecated 1.14 (agrees)'],
  },
  ...[
    ['CSIDriver', '1.14', '1.19', '1.19', 'pluto: deprecated 1.19 (agrees)'],
    ['CSINode', '1.14', '1.17', '1.17', 'pluto: deprecated 1.17 (agrees)'],
    ['StorageClass', '1.4', '1.19', '1.6', 'pluto: deprecated 1.6 (differs; the apiserver warning says v1.19+)'],
    ['VolumeAttachment', '1.10', '1.19', '1.13', 'pluto: deprecated 1.13 (differs)'],
  ].map(([kind, introducedIn, deprecatedIn, availableIn, plutoNote]) => ({
    apiVersion: 'storage.k8s.io/v1beta1', kind, introducedIn, deprecatedIn, removedIn: '1.22',
    replacement: ['storage.k8s.io/v1', kind], replacementAvailableIn: availableIn, migration: 'mechanical',
    changes: [],
    source: 'guide v1.22 #storage-resources-v122',
    evidence: [lifecycle('storage.k8s.io/v1beta1', `${kind} introduced ${introducedIn}, deprecated ${deprecatedIn}, removed 1.22`), 'kubent deprecated-1-22', plutoNote],
  })),

  // ---- v1.25 ----
  {
    apiVersion: 'batch/v1beta1', kind: 'CronJob', introducedIn: '1.8', deprecatedIn: '1.21', removedIn: '1.25',
    replacement: ['batch/v1', 'CronJob'], replacementAvailableIn: '1.21', migration: 'mechanical',
    changes: [],
    source: 'guide v1.25 #cronjob-v125',
    evidence: [lifecycle('batch/v1beta1', 'introduced 1.8, deprecated 1.21, removed 1.25'), 'apiserver warning: deprecated in v1.21+, unavailable in v1.25+; use batch/v1 CronJob', 'kubent deprecated-1-25', 'pluto: deprecated 1.21 (agrees)'],
  },
  {
    apiVersion: 'discovery.k8s.io/v1beta1', kind: 'EndpointSlice', introducedIn: null, deprecatedIn: '1.21', removedIn: '1.25',
    replacement: ['discovery.k8s.io/v1', 'EndpointSlice'], replacementAvailableIn: '1.21', migration: 'field-changes',
    changes: [
      'per-endpoint nodeName replaces topology["kubernetes.io/hostname"]',
      'per-endpoint zone replaces topology["topology.kubernetes.io/zone"]',
      'topology becomes deprecatedTopology, which v1 does not let you write',
    ],
    source: 'guide v1.25 #endpointslice-v125',
    evidence: [lifecycle('discovery.k8s.io/v1beta1', 'deprecated 1.21, removed 1.25'), 'kubent deprecated-1-25', 'pluto: deprecated 1.21 (agrees)'],
    notes: 'The lifecycle tag says introduced 1.16, but 1.16 shipped discovery.k8s.io/v1alpha1; introducedIn is left null.',
  },
  {
    apiVersion: 'events.k8s.io/v1beta1', kind: 'Event', introducedIn: '1.8', deprecatedIn: '1.22', removedIn: '1.25',
    replacement: ['events.k8s.io/v1', 'Event'], replacementAvailableIn: '1.19', migration: 'field-changes',
    changes: [
      'type is limited to Normal and Warning',
      'involvedObject is renamed regarding',
      'action, reason, reportingController and reportingInstance are required on create',
      'firstTimestamp, lastTimestamp, count and source become deprecated* fields that new v1 Events may not set; use eventTime, series.lastObservedTime, series.count, reportingController and reportingInstance',
    ],
    source: 'guide v1.25 #event-v125',
    evidence: [lifecycle('events.k8s.io/v1beta1', 'introduced 1.8, deprecated 1.22, removed 1.25'), 'apiserver warning: events.k8s.io/v1beta1 Event is deprecated in v1.22+, unavailable in v1.25+', 'pluto: deprecated 1.19 (differs; the apiserver says 1.22)'],
  },
  {
    apiVersion: 'autoscaling/v2beta1', kind: 'HorizontalPodAutoscaler', introducedIn: '1.8', deprecatedIn: '1.22', removedIn: '1.25',
    replacement: ['autoscaling/v2', 'HorizontalPodAutoscaler'], replacementAvailableIn: '1.23', migration: 'field-changes',
    changes: [
      'metric targets move into a target object: targetAverageUtilization becomes target.type: Utilization with target.averageUtilization',
      'targetAverageValue and targetValue become target.averageValue and target.value with the matching target.type',
      'metricName and metricSelector move into a metric object (metric.name, metric.selector)',
    ],
    source: 'guide v1.25 #horizontalpodautoscaler-v125',
    evidence: [lifecycle('autoscaling/v2beta1', 'introduced 1.8, deprecated 1.22, removed 1.25 (this copy names v2beta2 as replacement)'), 'apiserver warning (newer): deprecated in v1.22+, unavailable in v1.25+; use autoscaling/v2', 'pluto: deprecated 1.22 (agrees)'],
  },
  {
    apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', introducedIn: '1.5', deprecatedIn: '1.21', removedIn: '1.25',
    replacement: ['policy/v1', 'PodDisruptionBudget'], replacementAvailableIn: '1.21', migration: 'field-changes',
    changes: ['an empty spec.selector ({}) selects every pod in the namespace in policy/v1 (it selected none in v1beta1); an unset selector still selects none'],
    source: 'guide v1.25 #poddisruptionbudget-v125',
    evidence: ['apiserver warning: policy/v1beta1 PodDisruptionBudget is deprecated in v1.21+, unavailable in v1.25+; use policy/v1', 'kubent deprecated-1-25: since 1.21', 'pluto: deprecated 1.21 (agrees)',
      lifecycle('policy/v1beta1', 'this older copy still said deprecated 1.22; the released value is 1.21')],
  },
  {
    apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', introducedIn: '1.10', deprecatedIn: '1.21', removedIn: '1.25',
    replacement: null, replacementAvailableIn: null, migration: 'no-replacement',
    changes: ['migrate to Pod Security Admission (namespace labels pod-security.kubernetes.io/*) or a third-party admission webhook; the PodSecurityPolicy admission controller was removed too'],
    source: 'guide v1.25 #psp-v125',
    evidence: [lifecycle('policy/v1beta1', 'introduced 1.10, deprecated 1.21, removed 1.25, no replacement'), 'kubent deprecated-1-25: replace with <removed>', 'pluto: deprecated 1.21, no replacement (agrees)'],
  },
  {
    apiVersion: 'node.k8s.io/v1beta1', kind: 'RuntimeClass', introducedIn: null, deprecatedIn: '1.22', removedIn: '1.25',
    replacement: ['node.k8s.io/v1', 'RuntimeClass'], replacementAvailableIn: '1.20', migration: 'mechanical',
    changes: [],
    source: 'guide v1.25 #runtimeclass-v125',
    evidence: [lifecycle('node.k8s.io/v1beta1', 'deprecated 1.22, removed 1.25'), 'kubent deprecated-1-25', 'pluto: deprecated 1.22 (agrees)'],
  },

  // ---- v1.26 ----
  ...['FlowSchema', 'PriorityLevelConfiguration'].map((kind) => ({
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kind, introducedIn: '1.20', deprecatedIn: '1.23', removedIn: '1.26',
    replacement: ['flowcontrol.apiserver.k8s.io/v1beta2', kind], replacementAvailableIn: null, migration: 'mechanical',
    changes: [],
    source: 'guide v1.26 #flowcontrol-resources-v126',
    evidence: [lifecycle('flowcontrol.apiserver.k8s.io/v1beta1', 'introduced 1.20, deprecated 1.23, removed 1.26'), 'kubent deprecated-1-26: replace with v1beta3', 'pluto: deprecated 1.23, removed 1.26 (agrees)'],
    notes: 'The newest English guide names v1beta2 as the replacement; an older zh-cn copy and kubent name v1beta3 (available since 1.26). v1beta2 was itself removed in 1.29, so follow the chain to flowcontrol.apiserver.k8s.io/v1.',
  })),
  {
    apiVersion: 'autoscaling/v2beta2', kind: 'HorizontalPodAutoscaler', introducedIn: '1.12', deprecatedIn: '1.23', removedIn: '1.26',
    replacement: ['autoscaling/v2', 'HorizontalPodAutoscaler'], replacementAvailableIn: '1.23', migration: 'mechanical',
    changes: [],
    source: 'guide v1.26 #horizontalpodautoscaler-v126',
    evidence: ['kubernetes/kubernetes autoscaling/v2beta2 types.go tags: introduced 1.12, deprecated 1.23, replacement autoscaling/v2', 'apiserver warning: deprecated in v1.23+, unavailable in v1.26+; use autoscaling/v2', 'kubent deprecated-1-26', 'pluto: deprecated 1.23, removed 1.26 (agrees)'],
    notes: 'The newest English guide repeats the v2beta1 targetAverageUtilization note under v2beta2; v2beta2 already used target.averageUtilization, so the move is mechanical. The zh-cn copy lists no changes.',
  },

  // ---- v1.27 ----
  {
    apiVersion: 'storage.k8s.io/v1beta1', kind: 'CSIStorageCapacity', introducedIn: null, deprecatedIn: '1.24', removedIn: '1.27',
    replacement: ['storage.k8s.io/v1', 'CSIStorageCapacity'], replacementAvailableIn: '1.24', migration: 'mechanical',
    changes: [],
    source: 'guide v1.27 #csistoragecapacity-v127',
    evidence: ['apiserver warning: storage.k8s.io/v1beta1 CSIStorageCapacity is deprecated in v1.24+, unavailable in v1.27+', 'kubent deprecated-1-27', 'pluto: deprecated 1.24, removed 1.27 (agrees)'],
  },

  // ---- v1.29 ----
  ...['FlowSchema', 'PriorityLevelConfiguration'].map((kind) => ({
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kind, introducedIn: null, deprecatedIn: '1.26', removedIn: '1.29',
    replacement: ['flowcontrol.apiserver.k8s.io/v1beta3', kind], replacementAvailableIn: '1.26',
    migration: kind === 'PriorityLevelConfiguration' ? 'field-changes' : 'mechanical',
    changes: kind === 'PriorityLevelConfiguration' ? ['spec.limited.assuredConcurrencyShares is renamed spec.limited.nominalConcurrencyShares'] : [],
    source: 'guide v1.29 #flowcontrol-resources-v129',
    evidence: ['apiserver warning: flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema is deprecated in v1.26+, unavailable in v1.29+; use flowcontrol.apiserver.k8s.io/v1beta3', 'kubent deprecated-1-29: replace with v1beta3'],
    notes: 'The guide offers flowcontrol.apiserver.k8s.io/v1 (from 1.29) or v1beta3 (from 1.26); the row names v1beta3, the next version the API server points to, and the chain continues to v1.',
  })),

  // ---- v1.32 ----
  ...['FlowSchema', 'PriorityLevelConfiguration'].map((kind) => ({
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kind, introducedIn: '1.26', deprecatedIn: '1.29', removedIn: '1.32',
    replacement: ['flowcontrol.apiserver.k8s.io/v1', kind], replacementAvailableIn: '1.29',
    migration: kind === 'PriorityLevelConfiguration' ? 'field-changes' : 'mechanical',
    changes: kind === 'PriorityLevelConfiguration'
      ? ['spec.limited.nominalConcurrencyShares defaults to 30 only when unset; an explicit 0 now stays 0 (v1beta3 turned it into 30)']
      : [],
    source: 'guide v1.32 #flowcontrol-resources-v132',
    evidence: [lifecycle('flowcontrol.apiserver.k8s.io/v1beta3', 'introduced 1.26, deprecated 1.29, removed 1.32, replacement v1'), 'apiserver warning: deprecated in v1.29+, unavailable in v1.32+; use flowcontrol.apiserver.k8s.io/v1', 'kubent deprecated-1-32'],
  })),

  // ---- GA kinds deprecated without removal (not in the guide, which lists removals) ----
  {
    apiVersion: 'v1', kind: 'ComponentStatus', introducedIn: null, deprecatedIn: '1.19', removedIn: null,
    replacement: null, replacementAvailableIn: null, migration: 'no-replacement',
    changes: ['a read-only status API; query the components\' health endpoints instead'],
    source: 'apiserver warning: "v1 ComponentStatus is deprecated in v1.19+"',
    evidence: ['quoted in DataDog/datadog-agent apiserver warning tests'],
    notes: 'Still served; manifests do not create it.',
  },
  {
    apiVersion: 'v1', kind: 'Endpoints', introducedIn: null, deprecatedIn: '1.33', removedIn: null,
    replacement: ['discovery.k8s.io/v1', 'EndpointSlice'], replacementAvailableIn: '1.21', migration: 'field-changes',
    changes: ['EndpointSlice has a different shape: endpoints[*].addresses with conditions, ports at the slice level, and the kubernetes.io/service-name label linking it to its Service'],
    source: 'apiserver warning: "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"',
    evidence: ['quoted in many public kubectl transcripts'],
    notes: 'Still served; no removal is scheduled for a GA API.',
  },

  // ---- alpha versions (never served by default; not in the guide) ----
  ...['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'].map((kind) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kind, introducedIn: null, deprecatedIn: '1.8', removedIn: '1.23',
    replacement: ['rbac.authorization.k8s.io/v1', kind], replacementAvailableIn: '1.8', migration: 'mechanical',
    changes: [],
    source: S.changelog123,
    evidence: [S.changelog18, 'kubernetes/kubernetes#84758 marked v1alpha1 and v1beta1 deprecated in the lifecycle tags in 1.17', 'pluto: deprecated 1.17, removed 1.22 (differs; the 1.23 release notes are authoritative)'],
    notes: 'Alpha: only served when enabled with --runtime-config.',
  })),
  {
    apiVersion: 'scheduling.k8s.io/v1alpha1', kind: 'PriorityClass', introducedIn: '1.8', deprecatedIn: '1.14', removedIn: '1.23',
    replacement: ['scheduling.k8s.io/v1', 'PriorityClass'], replacementAvailableIn: '1.14', migration: 'mechanical',
    changes: [],
    source: S.changelog123,
    evidence: ['pluto: deprecated 1.14, removed 1.17 (removal differs; the 1.23 release notes are authoritative)'],
    notes: 'Alpha: only served when enabled with --runtime-config. deprecatedIn is Pluto\'s value, matching when scheduling.k8s.io/v1 went GA.',
  },
  ...['FlowSchema', 'PriorityLevelConfiguration'].map((kind) => ({
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1alpha1', kind, introducedIn: '1.18', deprecatedIn: '1.20', removedIn: '1.21',
    replacement: ['flowcontrol.apiserver.k8s.io/v1beta1', kind], replacementAvailableIn: '1.20', migration: 'mechanical',
    changes: [],
    source: 'kubernetes/kubernetes staging/src/k8s.io/api/flowcontrol/v1alpha1/types.go tags: introduced 1.18, deprecated 1.20, removed 1.21',
    evidence: [],
    notes: 'Alpha: only served when enabled. The tag names v1beta2 as replacement, which only appeared in 1.23; v1beta1 is what was available when v1alpha1 went.',
  })),
];

// ---------------------------------------------------------------------------
// Fields, annotations and labels

/** Kinds that carry a pod template (or are a Pod). */
const POD_KINDS = ['Pod', 'PodTemplate', 'ReplicationController', 'ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];
const CSI_INSTEAD = 'the storage vendor\'s CSI driver';

const FIELDS = [
  // ---- annotations ----
  {
    path: 'seccomp.security.alpha.kubernetes.io/pod', type: 'annotation', scope: 'pod', appliesTo: POD_KINDS,
    deprecatedIn: '1.19', ineffectiveFrom: '1.27', removedIn: null,
    replacement: 'spec.securityContext.seccompProfile',
    source: S.seccomp,
    notes: 'From 1.25 the kubelet ignores it, but the API server still copied it into the field when a pod was created; from 1.27 nothing reads it. The API server still rejects a pod whose annotation and field disagree.',
  },
  {
    path: 'container.seccomp.security.alpha.kubernetes.io/<container>', prefix: 'container.seccomp.security.alpha.kubernetes.io/',
    type: 'annotation', scope: 'pod', appliesTo: POD_KINDS,
    deprecatedIn: '1.19', ineffectiveFrom: '1.27', removedIn: null,
    replacement: 'spec.containers[*].securityContext.seccompProfile',
    source: S.seccomp,
    notes: 'Same history as the pod-level annotation: kubelet support dropped in 1.25, non-functional from 1.27.',
  },
  {
    path: 'container.apparmor.security.beta.kubernetes.io/<container>', prefix: 'container.apparmor.security.beta.kubernetes.io/',
    type: 'annotation', scope: 'pod', appliesTo: POD_KINDS,
    deprecatedIn: '1.30', ineffectiveFrom: null, removedIn: null,
    replacement: 'securityContext.appArmorProfile (pod or container)',
    source: `${S.labelsPage}; ${S.podWarnings}: "deprecated since v1.30; use the appArmorProfile field instead"`,
    notes: 'Still honoured; no removal announced.',
  },
  {
    path: 'scheduler.alpha.kubernetes.io/critical-pod', type: 'annotation', scope: 'pod', appliesTo: POD_KINDS,
    deprecatedIn: '1.13', ineffectiveFrom: '1.16', removedIn: null,
    replacement: 'spec.priorityClassName (system-cluster-critical or system-node-critical)',
    source: `${S.podWarnings}: "non-functional in v1.16+"; ${S.labelsPage}; ${S.featureGates}`,
    notes: 'deprecatedIn is when its feature gate (ExperimentalCriticalPodAnnotation) was deprecated.',
  },
  ...['security.alpha.kubernetes.io/sysctls', 'security.alpha.kubernetes.io/unsafe-sysctls'].map((key) => ({
    path: key, type: 'annotation', scope: 'pod', appliesTo: POD_KINDS,
    deprecatedIn: null, ineffectiveFrom: '1.11', removedIn: null,
    replacement: 'spec.securityContext.sysctls',
    source: `${S.podWarnings}: "non-functional in v1.11+"`,
    notes: null,
  })),
  {
    path: 'kubernetes.io/ingress.class', type: 'annotation', scope: 'object', appliesTo: ['Ingress'],
    deprecatedIn: '1.18', ineffectiveFrom: null, removedIn: null,
    replacement: 'spec.ingressClassName',
    source: `${S.labelsPage}: "Starting in v1.18, this annotation is deprecated in favor of spec.ingressClassName"`,
    notes: 'Kubernetes itself never acted on it; whether an ingress controller still reads it is up to the controller.',
  },
  {
    path: 'volume.beta.kubernetes.io/storage-class', type: 'annotation', scope: 'object', appliesTo: ['PersistentVolumeClaim', 'PersistentVolume'],
    deprecatedIn: null, ineffectiveFrom: null, removedIn: null,
    replacement: 'spec.storageClassName',
    source: S.labelsPage,
    notes: 'Still honoured, and it wins over spec.storageClassName when both are set.',
  },
  {
    path: 'volume.beta.kubernetes.io/mount-options', type: 'annotation', scope: 'object', appliesTo: ['PersistentVolume'],
    deprecatedIn: null, ineffectiveFrom: null, removedIn: null,
    replacement: 'spec.mountOptions',
    source: S.labelsPage,
    notes: null,
  },
  {
    path: 'storageclass.beta.kubernetes.io/is-default-class', type: 'annotation', scope: 'object', appliesTo: ['StorageClass'],
    deprecatedIn: null, ineffectiveFrom: null, removedIn: null,
    replacement: 'storageclass.kubernetes.io/is-default-class',
    source: 'kubernetes/kubernetes BetaIsDefaultStorageClassAnnotation (still checked beside the GA key); the labels reference lists only the GA key',
    notes: 'The beta key is still honoured; no deprecation release is recorded, so treat it as superseded rather than broken.',
  },
  {
    path: 'service.alpha.kubernetes.io/tolerate-unready-endpoints', type: 'annotation', scope: 'object', appliesTo: ['Service'],
    deprecatedIn: null, ineffectiveFrom: null, removedIn: null,
    replacement: 'spec.publishNotReadyAddresses',
    source: S.labelsPage,
    notes: 'Listed as deprecated without a release; whether current releases still honour it is not recorded here.',
  },
  {
    path: 'experimental.windows.kubernetes.io/isolation-type', type: 'annotation', scope: 'pod', appliesTo: POD_KINDS,
    deprecatedIn: '1.20', ineffectiveFrom: '1.21', removedIn: null,
    replacement: null,
    source: `${S.labelsPage}: "Starting from v1.20, this annotation is deprecated. Experimental Hyper-V support was removed in 1.21."`,
    notes: null,
  },
  {
    path: 'kubectl.kubernetes.io/default-logs-container', type: 'annotation', scope: 'pod', appliesTo: POD_KINDS,
    deprecatedIn: null, ineffectiveFrom: '1.25', removedIn: null,
    replacement: 'kubectl.kubernetes.io/default-container',
    source: `${S.labelsPage}: "Kubernetes versions 1.25 and newer ignore this annotation"`,
    notes: null,
  },

  // ---- node labels, as used in nodeSelector, node affinity and topologySpreadConstraints ----
  ...[
    ['beta.kubernetes.io/arch', '1.14', 'kubernetes.io/arch'],
    ['beta.kubernetes.io/os', '1.14', 'kubernetes.io/os'],
    ['failure-domain.beta.kubernetes.io/region', '1.17', 'topology.kubernetes.io/region'],
    ['failure-domain.beta.kubernetes.io/zone', '1.17', 'topology.kubernetes.io/zone'],
    ['beta.kubernetes.io/instance-type', '1.17', 'node.kubernetes.io/instance-type'],
    ['node-role.kubernetes.io/master', null, 'node-role.kubernetes.io/control-plane'],
  ].map(([key, deprecatedIn, replacement]) => ({
    path: key, type: 'label', scope: 'pod', appliesTo: POD_KINDS,
    deprecatedIn, ineffectiveFrom: null, removedIn: null,
    replacement,
    source: `${S.nodeLabels}; ${S.labelsPage}`,
    notes: key === 'node-role.kubernetes.io/master'
      ? 'The API server warns without giving a release; kubeadm stopped applying the master taint in 1.25. Matters in nodeSelectors and tolerations.'
      : 'A node label: matters where a pod selects nodes (nodeSelector, node affinity, topologySpreadConstraints). Whether nodes still carry the old key depends on the node provisioner.',
  })),
  {
    path: 'app.kubernetes.io/created-by', type: 'label', scope: 'object', appliesTo: [],
    deprecatedIn: '1.9', ineffectiveFrom: null, removedIn: null,
    replacement: null,
    source: `${S.nodeLabels}; ${S.labelsPage}: "Starting from v1.9, this label is deprecated"`,
    notes: 'Applies to any kind.',
  },

  // ---- fields ----
  {
    path: 'spec.serviceAccount', type: 'field', scope: 'pod', appliesTo: POD_KINDS,
    deprecatedIn: null, ineffectiveFrom: null, removedIn: null,
    replacement: 'spec.serviceAccountName',
    source: S.apiReference,
    notes: 'A deprecated alias since before 1.8 (no release recorded); still accepted by the v1 API. Not removed.',
  },
  {
    path: 'spec.loadBalancerIP', type: 'field', scope: 'object', appliesTo: ['Service'],
    deprecatedIn: '1.24', ineffectiveFrom: null, removedIn: null,
    replacement: 'the load balancer implementation\'s own annotation, where it has one',
    source: S.loadBalancerIP,
    notes: 'Under-specified and cannot express dual-stack; "may be removed in a future API version". Deprecated does not mean dropped.',
  },
  {
    path: 'spec.externalIPs', type: 'field', scope: 'object', appliesTo: ['Service'],
    deprecatedIn: '1.36', ineffectiveFrom: null, removedIn: null,
    replacement: 'a LoadBalancer Service or another load-balancer mechanism',
    source: S.externalIPs,
    notes: 'Deprecated for security reasons (CVE-2020-8554); a later release is expected to drop kube-proxy\'s implementation.',
  },
  ...[
    ['gitRepo', '1.11', null, 'an init container that clones into an emptyDir volume'],
    ['photonPersistentDisk', '1.11', '1.16', CSI_INSTEAD],
    ['scaleIO', '1.16', '1.22', CSI_INSTEAD],
    ['flocker', '1.22', '1.25', CSI_INSTEAD],
    ['storageos', '1.22', '1.25', CSI_INSTEAD],
    ['quobyte', '1.22', '1.25', CSI_INSTEAD],
    ['glusterfs', '1.25', '1.26', CSI_INSTEAD],
    ['cephfs', '1.28', '1.31', CSI_INSTEAD],
    ['rbd', '1.28', '1.31', CSI_INSTEAD],
  ].map(([plugin, deprecatedIn, ineffectiveFrom, replacement]) => ({
    path: `spec.volumes[*].${plugin}`, type: 'field', scope: 'pod', appliesTo: POD_KINDS,
    deprecatedIn, ineffectiveFrom, removedIn: null,
    replacement,
    source: S.podWarnings,
    notes: ineffectiveFrom ? 'The field is still in the schema, but the in-tree volume plugin behind it is gone.' : 'Deprecated, still functional.',
  })),
  {
    path: 'spec.backend', type: 'field', scope: 'object', appliesTo: ['Ingress'], apiVersions: ['extensions/v1beta1', 'networking.k8s.io/v1beta1'],
    deprecatedIn: null, ineffectiveFrom: null, removedIn: '1.22',
    replacement: 'spec.defaultBackend (networking.k8s.io/v1)',
    source: 'guide v1.22 #ingress-v122', notes: 'Gone with the API versions that had it.',
  },
  {
    path: 'spec.rules[*].http.paths[*].backend.serviceName', type: 'field', scope: 'object', appliesTo: ['Ingress'], apiVersions: ['extensions/v1beta1', 'networking.k8s.io/v1beta1'],
    deprecatedIn: null, ineffectiveFrom: null, removedIn: '1.22',
    replacement: 'backend.service.name (networking.k8s.io/v1)',
    source: 'guide v1.22 #ingress-v122', notes: 'Also applies to spec.backend.serviceName.',
  },
  {
    path: 'spec.rules[*].http.paths[*].backend.servicePort', type: 'field', scope: 'object', appliesTo: ['Ingress'], apiVersions: ['extensions/v1beta1', 'networking.k8s.io/v1beta1'],
    deprecatedIn: null, ineffectiveFrom: null, removedIn: '1.22',
    replacement: 'backend.service.port.number, or backend.service.port.name for a named port (networking.k8s.io/v1)',
    source: 'guide v1.22 #ingress-v122', notes: 'Also applies to spec.backend.servicePort. v1 also requires pathType on every path.',
  },
  {
    path: 'spec.rollbackTo', type: 'field', scope: 'object', appliesTo: ['Deployment'], apiVersions: ['extensions/v1beta1', 'apps/v1beta1'],
    deprecatedIn: null, ineffectiveFrom: null, removedIn: '1.16',
    replacement: 'kubectl rollout undo',
    source: 'guide v1.16 #deployment-v116', notes: 'Not in apps/v1 (nor apps/v1beta2).',
  },
  {
    path: 'spec.templateGeneration', type: 'field', scope: 'object', appliesTo: ['DaemonSet'], apiVersions: ['extensions/v1beta1'],
    deprecatedIn: null, ineffectiveFrom: null, removedIn: '1.16',
    replacement: null,
    source: 'guide v1.16 #daemonset-v116', notes: 'Not in apps/v1.',
  },
  {
    path: 'spec.metrics[*].resource.targetAverageUtilization', type: 'field', scope: 'object', appliesTo: ['HorizontalPodAutoscaler'], apiVersions: ['autoscaling/v2beta1'],
    deprecatedIn: null, ineffectiveFrom: null, removedIn: '1.25',
    replacement: 'spec.metrics[*].resource.target with type: Utilization and averageUtilization (autoscaling/v2)',
    source: 'guide v1.25 #horizontalpodautoscaler-v125', notes: null,
  },
  {
    path: 'spec.limited.assuredConcurrencyShares', type: 'field', scope: 'object', appliesTo: ['PriorityLevelConfiguration'],
    apiVersions: ['flowcontrol.apiserver.k8s.io/v1beta1', 'flowcontrol.apiserver.k8s.io/v1beta2'],
    deprecatedIn: null, ineffectiveFrom: null, removedIn: '1.29',
    replacement: 'spec.limited.nominalConcurrencyShares (v1beta3 and v1)',
    source: 'guide v1.29 #flowcontrol-resources-v129', notes: 'Gone when v1beta2, the last version with it, stopped being served.',
  },
  {
    path: 'endpoints[*].topology', type: 'field', scope: 'object', appliesTo: ['EndpointSlice'], apiVersions: ['discovery.k8s.io/v1beta1'],
    deprecatedIn: null, ineffectiveFrom: null, removedIn: '1.25',
    replacement: 'endpoints[*].nodeName and endpoints[*].zone (discovery.k8s.io/v1)',
    source: 'guide v1.25 #endpointslice-v125', notes: null,
  },
  ...[
    ['spec.version', 'spec.versions'],
    ['spec.validation', 'spec.versions[*].schema'],
  ].map(([p, replacement]) => ({
    path: p, type: 'field', scope: 'object', appliesTo: ['CustomResourceDefinition'], apiVersions: ['apiextensions.k8s.io/v1beta1'],
    deprecatedIn: null, ineffectiveFrom: null, removedIn: '1.22',
    replacement: `${replacement} (apiextensions.k8s.io/v1)`,
    source: 'guide v1.22 #customresourcedefinition-v122', notes: null,
  })),
];

// ---------------------------------------------------------------------------
// Normalisation and checks

const MINOR = /^1\.\d{1,2}$/;

function minor(v) {
  return Number(v.split('.')[1]);
}

function normaliseApi(r) {
  const slash = r.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : r.apiVersion.slice(0, slash);
  const version = slash < 0 ? r.apiVersion : r.apiVersion.slice(slash + 1);
  for (const key of ['introducedIn', 'deprecatedIn', 'removedIn', 'replacementAvailableIn']) {
    if (r[key] !== null && !MINOR.test(r[key])) throw new Error(`${r.apiVersion} ${r.kind}: ${key} is not a 1.N minor: ${r[key]}`);
  }
  if (!['mechanical', 'field-changes', 'no-replacement'].includes(r.migration)) throw new Error(`${r.apiVersion} ${r.kind}: bad migration`);
  if ((r.replacement === null) !== (r.migration === 'no-replacement')) {
    throw new Error(`${r.apiVersion} ${r.kind}: no-replacement iff replacement is null`);
  }
  if (r.migration === 'field-changes' && r.changes.length === 0) throw new Error(`${r.apiVersion} ${r.kind}: field-changes without changes`);
  return {
    group,
    version,
    apiVersion: r.apiVersion,
    kind: r.kind,
    stability: /alpha/.test(version) ? 'alpha' : /beta/.test(version) ? 'beta' : 'stable',
    introducedIn: r.introducedIn,
    deprecatedIn: r.deprecatedIn,
    removedIn: r.removedIn,
    replacement: r.replacement ? { apiVersion: r.replacement[0], kind: r.replacement[1] } : null,
    replacementAvailableIn: r.replacementAvailableIn,
    migration: r.migration,
    changes: r.changes,
    source: r.source,
    evidence: r.evidence,
    notes: r.notes ?? null,
  };
}

function normaliseField(f) {
  for (const key of ['deprecatedIn', 'ineffectiveFrom', 'removedIn']) {
    if (f[key] !== null && !MINOR.test(f[key])) throw new Error(`${f.path}: ${key} is not a 1.N minor: ${f[key]}`);
  }
  if (f.prefix && !f.path.startsWith(f.prefix)) throw new Error(`${f.path}: prefix does not start the path`);
  return {
    path: f.path,
    prefix: f.prefix ?? null,
    type: f.type,
    scope: f.scope,
    appliesTo: f.appliesTo,
    apiVersions: f.apiVersions ?? null,
    deprecatedIn: f.deprecatedIn,
    ineffectiveFrom: f.ineffectiveFrom,
    removedIn: f.removedIn,
    replacement: f.replacement,
    source: f.source,
    notes: f.notes ?? null,
  };
}

const cmpMinor = (a, b) => (a === null ? 999 : minor(a)) - (b === null ? 999 : minor(b));

/** Rows in a stable order: by removal release (never-removed last), then apiVersion, then kind. */
export function apiRows() {
  const rows = APIS.map(normaliseApi).sort((a, b) => cmpMinor(a.removedIn, b.removedIn)
    || (a.apiVersion < b.apiVersion ? -1 : a.apiVersion > b.apiVersion ? 1 : 0)
    || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  const seen = new Set();
  for (const r of rows) {
    const key = `${r.apiVersion} ${r.kind}`;
    if (seen.has(key)) throw new Error(`duplicate row ${key}`);
    seen.add(key);
  }
  return rows;
}

/** Field rows in a stable order: by type, then path. */
export function fieldRows() {
  const order = { annotation: 0, label: 1, field: 2 };
  return FIELDS.map(normaliseField).sort((a, b) => order[a.type] - order[b.type] || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

// ---------------------------------------------------------------------------
// Printing: a small literal printer of our own (unquoted identifier keys,
// single-quoted strings), so the module reads like hand-written TypeScript.

const IDENT = /^[A-Za-z_$][\w$]*$/;

function lit(value, indent) {
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const flat = `[${value.map((v) => lit(v, inner)).join(', ')}]`;
    if (value.every((v) => typeof v !== 'object' || v === null) && indent.length + flat.length < 110) return flat;
    return `[\n${value.map((v) => `${inner}${lit(v, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const oneLine = `{ ${entries.map(([k, v]) => `${IDENT.test(k) ? k : lit(k, '')}: ${lit(v, '')}`).join(', ')} }`;
  if (entries.every(([, v]) => typeof v !== 'object' || v === null) && indent.length + oneLine.length < 100) return oneLine;
  return `{\n${entries.map(([k, v]) => `${inner}${IDENT.test(k) ? k : lit(k, '')}: ${lit(v, inner)},`).join('\n')}\n${indent}}`;
}

const TYPES = `/** How a manifest moves off a deprecated API version. */
export type ApiMigration =
  /** Changing apiVersion is enough for every valid manifest of the old version. */
  | 'mechanical'
  /** Some manifests need edits, or a review of a default or meaning that changed. */
  | 'field-changes'
  /** Nothing replaces it. */
  | 'no-replacement';

/** One built-in group/version/kind that was deprecated or stopped being served. Versions are 'major.minor'. */
export interface KubernetesApiRow {
  /** API group; '' for the core group. */
  readonly group: string;
  readonly version: string;
  readonly apiVersion: string;
  readonly kind: string;
  /** From the version name. Alpha versions were never served unless enabled with --runtime-config. */
  readonly stability: 'alpha' | 'beta' | 'stable';
  /** Only where the lifecycle tag matches the release history; null otherwise. */
  readonly introducedIn: string | null;
  /** First release that marked it deprecated; null when it was never deprecated before it went. */
  readonly deprecatedIn: string | null;
  /** First release that no longer serves it (by default); null while it is still served. */
  readonly removedIn: string | null;
  /** The next version to move to; follow the chain when that one is gone too. */
  readonly replacement: { readonly apiVersion: string; readonly kind: string } | null;
  /** First release that serves the replacement, as the guide states it; null when not stated. */
  readonly replacementAvailableIn: string | null;
  readonly migration: ApiMigration;
  /** Notable changes for a non-mechanical move, in our words. */
  readonly changes: readonly string[];
  /** The primary source of the row (guide section, or what stood in for it). */
  readonly source: string;
  /** Cross-checks, and where another source disagrees. */
  readonly evidence: readonly string[];
  readonly notes: string | null;
}

/** A deprecated field, annotation or label. */
export interface KubernetesFieldRow {
  /** Dotted path (relative to the object, or to the pod for scope 'pod'), or the annotation/label key; <container> marks a variable part. */
  readonly path: string;
  /** When set, any key that starts with this matches (annotation keys that end in a container name). */
  readonly prefix: string | null;
  readonly type: 'field' | 'annotation' | 'label';
  /** 'pod': lives in a pod spec or pod metadata, so in every pod template. 'object': on the object itself. */
  readonly scope: 'pod' | 'object';
  /** Kinds it appears on; empty means any kind. */
  readonly appliesTo: readonly string[];
  /** Only these API versions have it; null means every version of the kinds. */
  readonly apiVersions: readonly string[] | null;
  /** null: deprecated since before the releases this table covers, or no release recorded. */
  readonly deprecatedIn: string | null;
  /** First release that accepts it but ignores it. */
  readonly ineffectiveFrom: string | null;
  /** First release that no longer accepts it (for fields that went with their API version). */
  readonly removedIn: string | null;
  readonly replacement: string | null;
  readonly source: string;
  readonly notes: string | null;
}
`;

/** The full TypeScript source of src/engine/knowledge/kubernetes-apis.ts. */
export function generate() {
  const apis = apiRows();
  const fields = fieldRows();
  return [
    '// Generated by scripts/build-knowledge.mjs (data: scripts/knowledge/kubernetes-apis.mjs) — do not edit.',
    '// Regenerate with `npm run build-knowledge` or `node scripts/knowledge/kubernetes-apis.mjs --write`.',
    '',
    TYPES,
    '/** The day this table was researched. */',
    `export const asOf = ${lit(AS_OF, '')};`,
    '',
    '/** What was read to build the table. */',
    `export const sources: readonly string[] = ${lit(SOURCES, '')};`,
    '',
    `/** ${apis.length} rows, sorted by removal release (still-served last), apiVersion, kind. */`,
    `export const kubernetesApis: readonly KubernetesApiRow[] = ${lit(apis, '')};`,
    '',
    `/** ${fields.length} deprecated fields, annotations and labels, sorted by type and path. */`,
    `export const kubernetesFields: readonly KubernetesFieldRow[] = ${lit(fields, '')};`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------
// Script mode

async function main(argv) {
  const text = generate();
  const target = path.join(repoRoot, OUTPUT);
  if (argv.includes('--check')) {
    const current = existsSync(target) ? await readFile(target, 'utf8') : null;
    if (current !== text) {
      console.error(`stale: ${OUTPUT}`);
      return 1;
    }
    return 0;
  }
  if (argv.includes('--write')) {
    await writeFile(target, text);
    console.log(`wrote ${OUTPUT}`);
    return 0;
  }
  process.stdout.write(text);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
