import rule from '../../../src/engine/rules/eks-fargate-host-network';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml', 'pass.helm.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        { line: 16, column: 20, endColumn: 24, message: 'Deployment "metrics-server" uses hostNetwork, which Fargate rejects.' },
        // Flow style: reported without a line-deleting suggestion.
        { line: 32, column: 21, endColumn: 25, message: 'Pod "net-debug" uses hostNetwork' },
      ],
      output: false,
      suggestionOutputs: { 0: 'fail.suggested.yaml' },
    },
    // kubectl get -o json: reported; no YAML edit is offered for JSON.
    { file: 'fail.json', errors: [{ line: 9, column: 20, endColumn: 24, message: 'Pod "kube-proxy-debug" uses hostNetwork' }], output: false },
  ],
});
