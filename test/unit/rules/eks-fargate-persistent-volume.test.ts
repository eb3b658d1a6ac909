import rule from '../../../src/engine/rules/eks-fargate-persistent-volume';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [{ file: 'pass.yaml', with: ['pass-storage.yaml'] }, 'pass-storage.yaml', 'pass.helm.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      with: ['fail-storage.yaml'],
      errors: [
        { line: 22, column: 24, endColumn: 36, message: 'Volume "storage" of Deployment "grafana" (PersistentVolumeClaim "grafana-data") is backed by EBS (StorageClass "gp3" uses provisioner ebs.csi.aws.com)' },
        { line: 41, column: 46, endColumn: 53, message: 'is provisioned dynamically (StorageClass "efs-ap" sets provisioningMode efs-ap, so the EFS driver creates access points on demand)' },
        { line: 44, column: 24, endColumn: 31, message: 'is not EFS (StorageClass "fsx-sc" uses provisioner fsx.csi.aws.com)' },
        // storageClassName "" with volumeName: the bound PV decides.
        { line: 47, column: 24, endColumn: 31, message: 'is backed by EBS (PersistentVolume "archive-pv" uses CSI driver ebs.csi.aws.com)' },
        { line: 50, column: 24, endColumn: 37, message: 'cannot be checked (PersistentVolumeClaim "scratch-space" is not in the workspace); Fargate mounts only statically provisioned EFS volumes, so the safe reading is that it will not mount.' },
        { line: 65, column: 7, endColumn: 27, message: 'Volume "data" of Pod "legacy-ledger" is backed by EBS (an inline awsElasticBlockStore volume)' },
        { line: 90, column: 27, endColumn: 30, message: 'volumeClaimTemplate "data" of StatefulSet "postgres" is backed by EBS (StorageClass "gp3"' },
        // No storageClassName: the workspace's default class (gp2) decides.
        { line: 95, column: 15, endColumn: 18, message: 'volumeClaimTemplate "wal" of StatefulSet "postgres" is backed by EBS (the default StorageClass "gp2" uses provisioner kubernetes.io/aws-ebs)' },
        { line: 116, column: 11, endColumn: 20, message: 'Volume "frames" of Job "video-render" is provisioned dynamically (a generic ephemeral volume' },
      ],
      output: false,
    },
    {
      file: 'fail.default-class.yaml',
      errors: [
        { line: 19, column: 15, endColumn: 25, message: 'volumeClaimTemplate "redis-data" of StatefulSet "redis" is provisioned dynamically (no storageClassName: the cluster\'s default StorageClass provisions it' },
        { line: 29, column: 27, endColumn: 30, message: 'cannot be checked (StorageClass "gp2" is not in the workspace; on EKS "gp2" is usually an EBS class)' },
      ],
      output: false,
    },
  ],
});
