import rule from '../../../src/engine/rules/compose-devices';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        { line: 4, column: 5, endColumn: 12, message: 'maps host device /dev/bus/usb/001/004 and 1 more' },
        { line: 9, column: 5, endColumn: 12, message: 'Service "fuse" maps host device /dev/fuse' },
        { line: 12, column: 5, endColumn: 12, message: 'Service "mapped" maps host device /dev/kvm' },
      ],
    },
  ],
});
