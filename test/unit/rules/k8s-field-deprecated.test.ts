import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/engine/rules/k8s-field-deprecated';
import { analyze } from '../../../src/engine';
import { FIXTURES, TODAY, ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    { file: 'pass.yaml', options: { eksVersion: '1.26' } },
    // The default target (the latest EKS version) too.
    'pass.yaml',
    // helm create's Ingress: the annotation is only rendered for clusters before 1.18.
    { file: 'templates/pass.helm.yaml', options: { eksVersion: '1.26' } },
    // From 1.27 the seccomp annotation is ignored: k8s-field-removed reports it, not this rule.
    { file: 'pass.seccomp.yaml', options: { eksVersion: '1.27' } },
    // Before 1.19 it was not deprecated yet.
    { file: 'pass.seccomp.yaml', options: { eksVersion: '1.18' } },
  ],
  invalid: [
    {
      file: 'fail.yaml',
      options: { eksVersion: '1.26' },
      errors: [
        { line: 15, column: 9, endLine: 15, endColumn: 66, message: 'Annotation "seccomp.security.alpha.kubernetes.io/pod" is deprecated since Kubernetes 1.19; EKS 1.26 still accepts it, but Kubernetes 1.27 ignores it. Use spec.securityContext.seccompProfile instead.' },
        { line: 17, column: 7, endColumn: 26, message: 'Field spec.serviceAccount is deprecated; EKS 1.26 still accepts it. Use spec.serviceAccountName instead.' },
        { line: 19, column: 9, endColumn: 37, message: 'Node label "beta.kubernetes.io/os" is deprecated since Kubernetes 1.14; nodes of EKS 1.26 may still carry it. Use kubernetes.io/os instead.' },
        { line: 25, column: 30, endColumn: 70, message: 'Node label "failure-domain.beta.kubernetes.io/zone" is deprecated since Kubernetes 1.17' },
        { line: 38, column: 3, endColumn: 27, message: 'Field spec.serviceAccount is deprecated' },
        { line: 49, column: 5, endColumn: 37, message: 'Annotation "kubernetes.io/ingress.class" is deprecated since Kubernetes 1.18; EKS 1.26 still accepts it. Use spec.ingressClassName instead.' },
        { line: 69, column: 3, endColumn: 31, message: "Field spec.loadBalancerIP is deprecated since Kubernetes 1.24; EKS 1.26 still accepts it. Instead, use the load balancer implementation's own annotation, where it has one." },
      ],
      suggestionOutputs: { 2: 'fail.node-selector.suggested.yaml', 3: 'fail.topology-key.suggested.yaml', 5: 'fail.ingress-class.suggested.yaml' },
    },
    {
      // The only annotation: the suggestion drops the `annotations:` key with it.
      file: 'fail.ingress-only-annotation.yaml',
      options: { eksVersion: '1.31' },
      errors: [{ line: 6, column: 5, endColumn: 41, message: 'kubernetes.io/ingress.class' }],
      suggestionOutputs: { 0: 'fail.ingress-only-annotation.suggested.yaml' },
    },
    {
      // A literal key in a Helm template is what the chart renders; its value is templated.
      file: 'templates/fail.helm.yaml',
      options: { eksVersion: '1.26' },
      errors: [{ line: 14, column: 7, endColumn: 21, message: 'spec.serviceAccount' }],
    },
  ],
});

describe('rule k8s-field-deprecated: severity', () => {
  it('is info for an alias with no deprecation release, warning otherwise', () => {
    const file = 'fail.yaml';
    const text = fs.readFileSync(path.join(FIXTURES, 'k8s-field-deprecated', file), 'utf8');
    const r = analyze([{ path: file, text }], { today: TODAY, options: { eksVersion: '1.26' }, rules: [rule] });
    assert.deepEqual(
      r.findings.map((f) => `${f.range.start.line + 1}:${f.severity}:${f.effect}`),
      ['15:warning:advice', '17:info:advice', '19:warning:advice', '25:warning:advice', '38:info:advice', '49:warning:advice', '69:warning:advice'],
    );
  });
});
