import rule from '../../../src/engine/rules/eks-fargate-accelerator';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml', 'pass.helm.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        { line: 13, column: 11, endColumn: 28, message: 'Container "cuda-vectoradd" in Pod "cuda-vectoradd" asks for nvidia.com/gpu: 1; Fargate has no NVIDIA GPUs' },
        // Requests and limits name the same device: one finding, on the request.
        { line: 36, column: 15, endColumn: 41, message: 'asks for aws.amazon.com/neuron: 1; Fargate has no AWS Inferentia/Trainium (Neuron) devices' },
        { line: 53, column: 32, endColumn: 56, message: 'Container "warmup" in Job "notebook-warmup" asks for nvidia.com/mig-1g.5gb: 2' },
      ],
      output: false,
    },
  ],
});
