// Small manifests the suite writes into the throwaway workspace, so each
// expectation sits next to the text it is about and does not depend on how
// examples/ evolves. Tests that read examples/ live beside these.

/** A DaemonSet: `eks-fargate-daemonset` must fire on the value of `kind`. */
export const DAEMONSET_YAML = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
  namespace: kube-system
spec:
  selector:
    matchLabels:
      app: log-agent
  template:
    metadata:
      labels:
        app: log-agent
    spec:
      containers:
        - name: agent
          image: fluent/fluent-bit:3.1
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
`;

/**
 * A Fargate task definition whose size Fargate rejects: 0.25 vCPU allows
 * 512, 1024 or 2048 MiB, not 4096. `ecs-fargate-task-size` must fire on the
 * cpu or memory value. The file name matches the extension's activation glob.
 */
export const ECS_BAD_SIZE_NAME = 'web-task-definition.json';
export const ECS_BAD_SIZE_JSON = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "4096",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "public.ecr.aws/nginx/nginx:1.27",
      "essential": true,
      "portMappings": [{ "containerPort": 80 }]
    }
  ]
}
`;
/** The same task definition at a size Fargate accepts. */
export const ECS_GOOD_MEMORY = '"512"';

/**
 * EKS 1.31's extended support ends on this day (AWS's published calendar).
 * examples/cluster/eksctl-cluster.yaml targets 1.31: before this day it is in
 * extended support, from it on past the end. The suite runs on the real date,
 * so tests expect whichever applies.
 */
export const EKS_131_EXTENDED_END = '2026-11-26';
