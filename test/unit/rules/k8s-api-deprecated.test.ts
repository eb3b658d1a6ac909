import rule from '../../../src/engine/rules/k8s-api-deprecated';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'pass.yaml',
    { file: 'pass.yaml', options: { eksVersion: '1.23' } },
    'pass.comment-only.yaml',
    { file: 'templates/pass.helm.yaml', options: { eksVersion: '1.23' } },
    // 1.20: nothing in fail.yaml is deprecated yet (batch and policy v1beta1 are from 1.21).
    { file: 'fail.yaml', options: { eksVersion: '1.20' } },
    { file: 'fail.endpoints.yaml', options: { eksVersion: '1.32' } },
  ],
  invalid: [
    {
      file: 'fail.yaml',
      options: { eksVersion: '1.21' },
      output: 'fail.1-21.fixed.yaml',
      errors: [
        { line: 2, column: 13, endLine: 2, endColumn: 26, message: 'CronJob "cache-warmer" uses batch/v1beta1, deprecated since Kubernetes 1.21: EKS 1.21 still serves it, Kubernetes 1.25 will not. Use batch/v1 CronJob (only the apiVersion changes).' },
        { line: 17, column: 13, endColumn: 27, message: 'Use policy/v1 PodDisruptionBudget; beyond the apiVersion, an empty spec.selector ({}) selects every pod' },
        { line: 27, column: 13, endColumn: 27, message: 'PodSecurityPolicy "restricted" uses policy/v1beta1, deprecated since Kubernetes 1.21: EKS 1.21 still serves it, Kubernetes 1.25 will not. No API version replaces it. Migrate to Pod Security Admission' },
      ],
      suggestionOutputs: { 1: 'fail.pdb.suggested.yaml' },
    },
    {
      file: 'fail.yaml',
      options: { eksVersion: '1.23' },
      errors: [
        { line: 2, message: 'EKS 1.23 still serves it, Kubernetes 1.25 will not' },
        { line: 17, message: 'policy/v1beta1' },
        { line: 27, message: 'policy/v1beta1' },
        { line: 42, column: 13, endColumn: 32, message: 'HorizontalPodAutoscaler "cache" uses autoscaling/v2beta2, deprecated since Kubernetes 1.23: EKS 1.23 still serves it, Kubernetes 1.26 will not. Use autoscaling/v2 HorizontalPodAutoscaler (only the apiVersion changes).' },
      ],
    },
    {
      // At 1.25 the v1beta1 objects are removed (k8s-api-removed says so); only the HPA is deprecated.
      file: 'fail.yaml',
      options: { eksVersion: '1.25' },
      output: 'fail.1-25.fixed.yaml',
      errors: [{ line: 42, message: 'Kubernetes 1.26 will not' }],
    },
    {
      file: 'fail.endpoints.yaml',
      options: { eksVersion: '1.33' },
      errors: [
        { line: 10, column: 13, endColumn: 15, message: 'Endpoints "legacy-db" uses v1, deprecated since Kubernetes 1.33: EKS 1.33 still serves it and no removal is scheduled. Use discovery.k8s.io/v1 EndpointSlice; EndpointSlice has a different shape' },
      ],
    },
  ],
});
