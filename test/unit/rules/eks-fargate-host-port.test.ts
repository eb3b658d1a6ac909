import rule from '../../../src/engine/rules/eks-fargate-host-port';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml', 'pass.helm.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        { line: 20, column: 25, endColumn: 27, message: 'Container "controller" in Deployment "ingress-nginx-controller" sets hostPort 80, which Fargate rejects.' },
        { line: 24, column: 25, endColumn: 28, message: 'sets hostPort 443' },
        // First key of the port item: the suggestion moves containerPort up behind the dash.
        { line: 38, column: 21, endColumn: 25, message: 'Container "statsd" in Pod "checkout" sets hostPort 8125' },
        { line: 42, column: 19, endColumn: 28, message: 'sets hostIP 127.0.0.1 on a port, which Fargate rejects.' },
        // Flow style: reported, no suggestion.
        { line: 43, column: 43, endColumn: 47, message: 'sets hostPort 8126' },
      ],
      output: false,
      suggestionOutputs: { 0: 'fail.suggested-http.yaml', 2: 'fail.suggested-statsd.yaml', 3: 'fail.suggested-hostip.yaml' },
    },
  ],
});
