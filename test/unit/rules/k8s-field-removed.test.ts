import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/engine/rules/k8s-field-removed';
import { analyze } from '../../../src/engine';
import { FIXTURES, TODAY, ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'pass.yaml',
    { file: 'pass.yaml', options: { eksVersion: '1.31' } },
    // 1.15: every annotation in fail.yaml still worked, and the rbd plugin was in-tree.
    { file: 'fail.yaml', options: { eksVersion: '1.15' } },
  ],
  invalid: [
    {
      file: 'fail.yaml',
      options: { eksVersion: '1.31' },
      errors: [
        { line: 16, column: 9, endLine: 16, endColumn: 66, message: 'Annotation "seccomp.security.alpha.kubernetes.io/pod" has no effect from Kubernetes 1.27: EKS 1.31 accepts it, but nothing acts on it. Use spec.securityContext.seccompProfile instead.' },
        { line: 17, column: 9, endColumn: 94, message: 'Annotation "container.seccomp.security.alpha.kubernetes.io/ledger" has no effect from Kubernetes 1.27' },
        { line: 18, column: 9, endColumn: 55, message: 'Instead, use spec.priorityClassName (system-cluster-critical or system-node-critical).' },
        { line: 19, column: 9, endColumn: 61, message: 'Use kubectl.kubernetes.io/default-container instead.' },
        { line: 29, column: 11, endColumn: 14, message: 'Volume type "rbd" stopped working in Kubernetes 1.31: EKS 1.31 has no in-tree plugin for it, so the pod cannot mount the volume.' },
      ],
      suggestionOutputs: { 3: 'fail.default-container.suggested.yaml' },
    },
    {
      // Both sides of the seccomp boundary: 1.26 still honours the annotations, 1.27 does not.
      file: 'fail.yaml',
      options: { eksVersion: '1.26' },
      errors: [
        { line: 18, message: 'critical-pod" has no effect from Kubernetes 1.16' },
        { line: 19, message: 'default-logs-container" has no effect from Kubernetes 1.25' },
      ],
    },
    {
      file: 'fail.yaml',
      options: { eksVersion: '1.27' },
      errors: [
        { line: 16, message: 'has no effect from Kubernetes 1.27: EKS 1.27' },
        { line: 17, message: 'has no effect from Kubernetes 1.27: EKS 1.27' },
        { line: 18, message: 'critical-pod' },
        { line: 19, message: 'default-logs-container' },
      ],
    },
  ],
});

describe('rule k8s-field-removed: severity', () => {
  it('is a warning for an ignored annotation and an error for a volume that cannot mount', () => {
    const file = 'fail.yaml';
    const text = fs.readFileSync(path.join(FIXTURES, 'k8s-field-removed', file), 'utf8');
    const r = analyze([{ path: file, text }], { today: TODAY, options: { eksVersion: '1.31' }, rules: [rule] });
    assert.deepEqual(
      r.findings.map((f) => `${f.range.start.line + 1}:${f.severity}:${f.effect}:${f.workloadId?.endsWith('/StatefulSet/ledger')}`),
      ['16:warning:needs-change:true', '17:warning:needs-change:true', '18:warning:needs-change:true', '19:warning:needs-change:true', '29:error:needs-change:true'],
    );
  });
});
