import rule from '../../../src/engine/rules/eks-fargate-no-requests';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml', 'pass.helm.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        // No `resources` key: anchored on the container's name.
        { line: 15, column: 21, endColumn: 27, message: 'Container "report" in CronJob "nightly-report" sets no CPU or memory request; Fargate sizes pods on requests, so the pod gets the smallest size, 0.25vCPU 0.5GB.' },
        // A native sidecar counts; the classic init container above it does not.
        { line: 38, column: 17, endColumn: 22, message: 'Container "envoy" in Deployment "orders" sets no CPU or memory request; Fargate sizes pods on requests, so the pod is sized on its other requests (0.5vCPU 2GB)' },
        { line: 53, column: 11, endColumn: 20, message: 'Container "log-router" in Deployment "orders" sets no CPU or memory request' },
        { line: 70, column: 11, endColumn: 20, message: 'Container "model" in Deployment "recommendations" sets no memory request' },
        { line: 77, column: 11, endColumn: 20, message: 'Container "cache" in Deployment "recommendations" sets no CPU request; Fargate sizes pods on requests, so the pod is sized on its other CPU requests (1vCPU 2GB).' },
      ],
      output: false,
      suggestionOutputs: {
        0: 'fail.suggested-report.yaml',
        1: 'fail.suggested-envoy.yaml',
        2: 'fail.suggested-log-router.yaml',
        3: 'fail.suggested-model.yaml',
        4: 'fail.suggested-cache.yaml',
      },
    },
    {
      // Value actions (`image: "{{ ... }}"`) do not hide a missing `resources`; a `{{ toYaml }}` line does.
      file: 'fail.helm.yaml',
      errors: [{ line: 10, column: 17, endColumn: 23, message: 'Container "worker" in Deployment "{{ include "queue.fullname" . }}-worker" sets no CPU or memory request; Fargate sizes pods on requests, so nothing is reserved for it, and the pod\'s size depends on requests the template fills in.' }],
      output: false,
      suggestionOutputs: { 0: 'fail.helm.suggested.yaml' },
    },
  ],
});
