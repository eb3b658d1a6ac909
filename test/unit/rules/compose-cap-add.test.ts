import rule from '../../../src/engine/rules/compose-cap-add';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        { line: 5, column: 9, endColumn: 18, message: 'adds capability NET_ADMIN' },
        { line: 7, column: 9, endColumn: 19, message: 'adds capability SYS_MODULE' },
        // A lone flow-style item gets no suggestion: removing it would leave cap_add: [].
        { line: 10, column: 15, endColumn: 18, message: 'Service "tools" adds capability ALL' },
      ],
      suggestionOutputs: { 0: 'fail.suggested.yaml' },
    },
  ],
});
