import rule from '../../../src/engine/rules/eksctl-version-support';
import { ruleTester } from '../rule-tester';

// The tester pins today to 2026-11-25: 1.34-1.36 are in standard support (1.34 until
// 2026-12-02), 1.31-1.33 in extended support, 1.30 and older at end of life.
ruleTester(rule, {
  valid: ['pass.yaml'],
  invalid: [
    {
      file: 'fail.extended.yaml',
      errors: [
        {
          line: 6,
          column: 12,
          endColumn: 18,
          message:
            'EKS 1.31 is in extended support, which ends on 2026-11-26 (in 1 day): the control plane costs $0.60 per cluster-hour instead of $0.10 (about $438 instead of $73 a month). On 2026-11-26 EKS upgrades the control plane automatically. In standard support: 1.34, 1.35, 1.36.',
        },
      ],
      suggestionOutputs: { 0: 'fail.extended.suggested.yaml' },
    },
    {
      file: 'fail.end-of-life.yaml',
      errors: [{ line: 6, column: 12, endColumn: 18, message: 'EKS 1.29 reached end of support on 2026-03-23: EKS creates no new clusters on it and upgrades existing control planes automatically.' }],
      // The suggestion keeps the single quotes.
      suggestionOutputs: { 0: 'fail.end-of-life.suggested.yaml' },
    },
    {
      file: 'fail.unknown.yaml',
      errors: [{ line: 6, column: 12, endColumn: 18, message: 'EKS 1.40 is newer than any version Offload knows (newest: 1.36). Versions a cluster can run on 2026-11-25: 1.34, 1.35, 1.36 (standard); 1.31, 1.32, 1.33 (extended support)' }],
    },
    {
      file: 'fail.ends-soon.yaml',
      errors: [{ line: 6, message: 'EKS 1.34 leaves standard support on 2026-12-02 (in 7 days): from then the control plane costs $0.60 per cluster-hour instead of $0.10' }],
    },
    {
      file: 'fail.not-released.yaml',
      options: { today: '2026-05-01' },
      errors: [{ line: 6, message: 'EKS 1.36 is not released on 2026-05-01 (EKS release expected on 2026-06-02).' }],
    },
    {
      // The quick fix quotes the number as written; the status is read from the text.
      file: 'fail.unquoted.yaml',
      errors: [
        { line: 7, column: 12, endColumn: 16, message: 'version 1.33 is a YAML number, not a string: eksctl refuses to load the file' },
        { line: 7, column: 12, endColumn: 16, message: 'EKS 1.33 is in extended support, which ends on 2027-07-29 (in 246 days)' },
      ],
    },
    {
      // 1.30 parses as the number 1.3; the text keeps the zero, so the fix is certain.
      file: 'fail.unquoted-zero.yaml',
      errors: [
        { line: 6, message: 'Quote it: "1.30"' },
        { line: 6, message: 'EKS 1.30 reached end of support on 2026-07-23' },
      ],
    },
    {
      // 1.3 as written: 1.30 is likely, but only a suggestion.
      file: 'fail.unquoted-ambiguous.yaml',
      output: false,
      errors: [
        { line: 6, column: 12, endColumn: 15, message: 'version 1.3 is a YAML number, not a string: eksctl refuses to load the file, and 1.3 is not an EKS version. If you meant 1.30, quote it: "1.30".' },
        { line: 6, message: 'EKS 1.30 reached end of support' },
      ],
      suggestionOutputs: { 0: 'fail.unquoted-ambiguous.suggested.yaml' },
    },
  ],
});
