import rule from '../../../src/engine/rules/k8s-api-removed';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'pass.yaml',
    { file: 'pass.yaml', options: { eksVersion: '1.31' } },
    // Decoys: an apiVersion only in comments, an empty file, a Helm template that picks
    // its API version by cluster capabilities (and one inside a template comment).
    'pass.comment-only.yaml',
    'pass.empty.yaml',
    'templates/pass.helm.yaml',
    // Everything in fail.yaml was still served by Kubernetes 1.15.
    { file: 'fail.yaml', options: { eksVersion: '1.15' } },
    // The last release before each removal.
    { file: 'fail.cronjob.json', options: { eksVersion: '1.24' } },
    { file: 'fail.ingress.yaml', options: { eksVersion: '1.21' } },
    { file: 'fail.not-yet-served.yaml', options: { eksVersion: '1.29' } },
  ],
  invalid: [
    {
      file: 'fail.yaml',
      options: { eksVersion: '1.31' },
      errors: [
        { line: 2, column: 13, endLine: 2, endColumn: 26, message: 'CronJob "report-rollup" uses batch/v1beta1, which EKS 1.31 does not serve (removed in Kubernetes 1.25). Use batch/v1 CronJob (only the apiVersion changes).' },
        { line: 17, column: 13, endColumn: 27, message: 'DaemonSet "log-shipper" uses apps/v1beta2, which EKS 1.31 does not serve (removed in Kubernetes 1.16). Use apps/v1 DaemonSet' },
        { line: 34, column: 13, endColumn: 46, message: 'Use rbac.authorization.k8s.io/v1 ClusterRole' },
        { line: 43, column: 13, endColumn: 27, message: 'no API version replaces it. Migrate to Pod Security Admission' },
        { line: 59, column: 13, endColumn: 41, message: 'Use apiextensions.k8s.io/v1 CustomResourceDefinition; beyond the apiVersion, spec.validation moves to spec.versions[*].schema' },
        // Its successor, policy/v1beta1, is gone too at 1.31.
        { line: 74, column: 13, endColumn: 31, message: 'PodSecurityPolicy "legacy-restricted" uses extensions/v1beta1, which EKS 1.31 does not serve (removed in Kubernetes 1.16), and no API version replaces it.' },
      ],
    },
    {
      // Before 1.25, the extensions/v1beta1 PodSecurityPolicy still had a successor.
      file: 'fail.yaml',
      options: { eksVersion: '1.16' },
      output: 'fail.1-16.fixed.yaml',
      errors: [
        { line: 17, message: 'apps/v1beta2, which EKS 1.16 does not serve (removed in Kubernetes 1.16)' },
        { line: 74, message: 'removed in Kubernetes 1.16). Use policy/v1beta1 PodSecurityPolicy (only the apiVersion changes).' },
      ],
    },
    {
      file: 'fail.deployment.yaml',
      options: { eksVersion: '1.31' },
      errors: [
        { line: 3, column: 13, endColumn: 31, message: 'Use apps/v1 Deployment; beyond the apiVersion, spec.selector is required' },
        { line: 23, column: 13, endColumn: 25, message: 'Use apps/v1 StatefulSet; beyond the apiVersion, spec.updateStrategy.type defaults to RollingUpdate' },
      ],
      suggestionOutputs: { 0: 'fail.deployment.suggested.yaml', 1: 'fail.statefulset.suggested.yaml' },
    },
    {
      file: 'fail.ingress.yaml',
      options: { eksVersion: '1.22' },
      errors: [
        { line: 2, column: 13, endColumn: 38, message: 'Ingress "storefront" uses networking.k8s.io/v1beta1, which EKS 1.22 does not serve (removed in Kubernetes 1.22). Use networking.k8s.io/v1 Ingress; beyond the apiVersion, spec.backend is renamed spec.defaultBackend' },
        { line: 35, column: 13, endColumn: 31, message: 'Ingress "legacy" uses extensions/v1beta1' },
      ],
      suggestionOutputs: { 0: 'fail.ingress.suggested.yaml' },
    },
    {
      // An item of a List counts like a document of its own.
      file: 'fail.list.yaml',
      options: { eksVersion: '1.31' },
      errors: [{ line: 14, column: 17, endColumn: 29, message: 'Deployment "api" uses apps/v1beta2' }],
    },
    {
      // JSON keeps its quotes.
      file: 'fail.cronjob.json',
      options: { eksVersion: '1.25' },
      errors: [{ line: 2, column: 17, endColumn: 32, message: 'removed in Kubernetes 1.25' }],
    },
    {
      file: 'fail.not-yet-served.yaml',
      options: { eksVersion: '1.28' },
      errors: [{ line: 2, column: 13, endColumn: 44, message: 'FlowSchema "batch-jobs" uses flowcontrol.apiserver.k8s.io/v1, which EKS 1.28 does not serve yet (first served in Kubernetes 1.29).' }],
    },
    {
      // A literal in a template is what the chart renders, unless a version check picks it.
      file: 'templates/fail.helm.yaml',
      options: { eksVersion: '1.31' },
      errors: [
        { line: 3, message: 'PodSecurityPolicy "{{ include "app.fullname" . }}" uses policy/v1beta1' },
        { line: 11, message: 'CronJob "{{ include "app.fullname" . }}-cleanup" uses batch/v1beta1' },
      ],
    },
  ],
});
