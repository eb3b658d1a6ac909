/**
 * fast-check arbitraries for the robustness properties: manifests built as data in
 * every format Offload reads, written out in several styles, and then mutated as
 * text the way real files get mangled (line breaks, BOMs, tabs, comments, Helm
 * actions, truncation, stray bytes). Shared by the unit properties
 * (test/unit/robustness/properties.test.ts) and the long campaign (scripts/fuzz.mjs).
 */
import fc from 'fast-check';
import { Document } from 'yaml';

/** One input to the engine: the files of a workspace, and a number the checks use to pick things. */
export interface Case {
  files: { path: string; text: string }[];
  /** Which finding a check acts on (modulo the count), so a case replays exactly. */
  pick: number;
  configText?: string;
}

// --- values ------------------------------------------------------------------

const oddString = fc.constantFrom(
  '',
  ' ',
  'yes',
  'no',
  'on',
  'null',
  '~',
  'true',
  '1.30',
  '0x1F',
  '0755',
  '1e3',
  '-',
  '#',
  ': ',
  '- x',
  '{{ .Values.x }}',
  '*alias',
  '&anchor',
  '!tag',
  '"',
  "'",
  '\\',
  '\t',
  '😀',
  'e\u0301',
  '\u202Eevil',
  '\u2028',
  '<img src=x onerror=alert(1)>',
  '</script>',
  'a'.repeat(300),
);

const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('web', 'api', 'worker', 'log-agent', 'db', 'cache-0', 'x') },
  { weight: 2, arbitrary: oddString },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 99999 }) },
);

const cpu = fc.constantFrom<unknown>('100m', '250m', '500m', '0.5', '1', '2', '4', '8', '16', '32', '1000m', '1e3m', '1.5', 0.25, 1, 2, 4, 64, '-1', 'abc', '', true, null, '1 vCPU', '.5');
const memory = fc.constantFrom<unknown>('128Mi', '512Mi', '1Gi', '2Gi', '4G', '8Gi', '30Gi', '120Gi', '200Gi', '1e9', 1073741824, 512, '0.5Gi', '1.5Gi', '100M', 'x', -1, '1 GB', '1Ti', null);
const port = fc.oneof(fc.constantFrom<unknown>(80, 443, 8080, 0, 65535, 70000, -1, '80', '8080', 'http', null), fc.integer({ min: 1, max: 65535 }));
const bool = fc.constantFrom<unknown>(true, false, 'yes', 'true', 1, null);

function optionalRecord<T extends Record<string, fc.Arbitrary<unknown>>>(model: T) {
  return fc.record(model, { requiredKeys: [] });
}

// --- Kubernetes ----------------------------------------------------------------

const resources = optionalRecord({
  requests: optionalRecord({ cpu, memory, 'nvidia.com/gpu': fc.constantFrom<unknown>(1, 2, '1'), 'ephemeral-storage': fc.constantFrom<unknown>('10Gi', '40Gi') }),
  limits: optionalRecord({ cpu, memory, 'nvidia.com/gpu': fc.constantFrom<unknown>(1, '1'), 'aws.amazon.com/neuron': fc.constantFrom<unknown>(1) }),
});

const container = fc.record(
  {
    name,
    image: fc.oneof(fc.constantFrom('nginx', 'nginx:1.27', 'public.ecr.aws/x/y@sha256:abc', 'mcr.microsoft.com/windows/servercore:ltsc2022'), oddString),
    ports: fc.array(optionalRecord({ containerPort: port, hostPort: port, hostIP: fc.constantFrom('0.0.0.0', '127.0.0.1'), protocol: fc.constantFrom('TCP', 'UDP', 'SCTP') }), { maxLength: 3 }),
    resources,
    securityContext: optionalRecord({
      privileged: bool,
      allowPrivilegeEscalation: bool,
      capabilities: optionalRecord({ add: fc.array(fc.constantFrom('NET_ADMIN', 'SYS_ADMIN', 'SYS_PTRACE', 'CHOWN'), { maxLength: 2 }) }),
    }),
    volumeMounts: fc.array(fc.record({ name: fc.constantFrom('data', 'host', 'sock'), mountPath: fc.constantFrom('/data', '/var/run/docker.sock') }), { maxLength: 2 }),
  },
  { requiredKeys: ['name', 'image'] },
);

const volume = fc.oneof(
  fc.record({ name: fc.constantFrom('host', 'sock'), hostPath: fc.record({ path: fc.constantFrom('/var/log', '/var/run/docker.sock', '/') }) }),
  fc.record({ name: fc.constant('data'), persistentVolumeClaim: fc.record({ claimName: fc.constantFrom('data', 'efs-claim', 'ebs-claim') }) }),
  fc.record({ name: fc.constant('cfg'), configMap: fc.record({ name: fc.constant('cfg'), defaultMode: fc.constantFrom(420, 493) }) }),
  fc.record({ name: fc.constant('repo'), gitRepo: fc.record({ repository: fc.constant('https://example.com/x.git') }) }),
  fc.record({ name: fc.constant('tmp'), emptyDir: fc.constantFrom<unknown>({}, { medium: 'Memory' }, null) }),
);

const podSpec = fc.record(
  {
    containers: fc.array(container, { minLength: 1, maxLength: 3 }),
    initContainers: fc.array(container, { maxLength: 1 }),
    hostNetwork: bool,
    hostPID: bool,
    hostIPC: bool,
    serviceAccount: fc.constantFrom('default', 'sa'),
    nodeSelector: fc.dictionary(fc.constantFrom('kubernetes.io/os', 'beta.kubernetes.io/arch', 'node.kubernetes.io/instance-type', 'eks.amazonaws.com/compute-type', 'disk'), fc.constantFrom('linux', 'windows', 'amd64', 'arm64', 'fargate', 'ssd', 'm5.large'), { maxKeys: 2 }),
    volumes: fc.array(volume, { maxLength: 3 }),
    affinity: fc.constantFrom<unknown>({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }] }] } } }),
    runtimeClassName: fc.constantFrom('gvisor', 'nvidia'),
  },
  { requiredKeys: ['containers'] },
);

const annotations = fc.dictionary(
  fc.constantFrom('seccomp.security.alpha.kubernetes.io/pod', 'scheduler.alpha.kubernetes.io/critical-pod', 'eks.amazonaws.com/compute-type', 'example.com/note', 'offload.dev/ignore'),
  fc.oneof(fc.constantFrom('runtime/default', 'fargate', 'ec2', '*: fuzz', 'eks-fargate-host-network: fuzz'), oddString),
  { maxKeys: 2 },
);

const metadata = fc.record(
  {
    name,
    namespace: fc.constantFrom('default', 'shop', 'kube-system', 'fargate-ns'),
    labels: fc.dictionary(fc.constantFrom('app', 'tier', 'compute', 'kubernetes.io/arch'), fc.constantFrom('web', 'fargate', 'ec2', 'amd64'), { maxKeys: 2 }),
    annotations,
    generateName: fc.constant('gen-'),
  },
  { requiredKeys: [] },
);

const POD_KINDS: [kind: string, apiVersions: string[]][] = [
  ['Pod', ['v1']],
  ['Deployment', ['apps/v1', 'extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2']],
  ['DaemonSet', ['apps/v1', 'extensions/v1beta1']],
  ['StatefulSet', ['apps/v1', 'apps/v1beta1']],
  ['ReplicaSet', ['apps/v1']],
  ['Job', ['batch/v1']],
  ['CronJob', ['batch/v1', 'batch/v1beta1', 'batch/v2alpha1']],
];

export const kubernetesWorkload: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(fc.constantFrom(...POD_KINDS), fc.nat(), metadata, podSpec, fc.constantFrom<unknown>(1, 3, '2', null), fc.boolean())
  .map(([[kind, apiVersions], v, meta, spec, replicas, withSelector]) => {
    const apiVersion = apiVersions[v % apiVersions.length];
    const template = { metadata: { labels: (meta as { labels?: unknown }).labels ?? { app: 'x' } }, spec };
    const obj: Record<string, unknown> = { apiVersion, kind, metadata: meta };
    if (kind === 'Pod') obj.spec = spec;
    else if (kind === 'CronJob') obj.spec = { schedule: '*/5 * * * *', jobTemplate: { spec: { template } } };
    else if (kind === 'Job') obj.spec = { template };
    else obj.spec = { ...(replicas !== null && kind !== 'DaemonSet' ? { replicas } : {}), ...(withSelector ? { selector: { matchLabels: template.metadata.labels } } : {}), template };
    return obj;
  });

const otherObject: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ apiVersion: fc.constantFrom('v1'), kind: fc.constant('PersistentVolumeClaim'), metadata: fc.record({ name: fc.constantFrom('data', 'efs-claim', 'ebs-claim') }), spec: fc.record({ storageClassName: fc.constantFrom('gp2', 'efs-sc', 'ebs-sc'), accessModes: fc.constant(['ReadWriteOnce']) }) }),
  fc.record({ apiVersion: fc.constantFrom('networking.k8s.io/v1', 'extensions/v1beta1', 'networking.k8s.io/v1beta1'), kind: fc.constant('Ingress'), metadata: fc.record({ name }), spec: fc.constant({ rules: [{ http: { paths: [{ path: '/', backend: { serviceName: 'web', servicePort: 80 } }] } }] }) }),
  fc.record({ apiVersion: fc.constantFrom('policy/v1beta1', 'policy/v1'), kind: fc.constantFrom('PodDisruptionBudget', 'PodSecurityPolicy'), metadata: fc.record({ name }), spec: fc.constant({ minAvailable: 1 }) }),
  fc.record({ apiVersion: fc.constantFrom('example.com/v1', 'argoproj.io/v1alpha1'), kind: fc.constantFrom('Widget', 'Rollout'), metadata: fc.record({ name }), spec: podSpec.map((s) => ({ template: { spec: s } })) }),
  fc.record({ apiVersion: fc.constant('storage.k8s.io/v1'), kind: fc.constant('StorageClass'), metadata: fc.record({ name: fc.constantFrom('gp2', 'efs-sc', 'ebs-sc') }), provisioner: fc.constantFrom('efs.csi.aws.com', 'ebs.csi.aws.com', 'kubernetes.io/aws-ebs') }),
);

export const kubernetesObject = fc.oneof({ weight: 4, arbitrary: kubernetesWorkload }, { weight: 1, arbitrary: otherObject });

// --- ECS -------------------------------------------------------------------------

const ecsContainer = fc.record(
  {
    name,
    image: fc.constantFrom('nginx', 'mcr.microsoft.com/windows/servercore:ltsc2022'),
    cpu: fc.constantFrom<unknown>(0, 128, 256, 1024, '512', -1),
    memory: fc.constantFrom<unknown>(128, 512, 2048, '1024', 0),
    memoryReservation: fc.constantFrom<unknown>(256, 64),
    essential: fc.boolean(),
    privileged: bool,
    portMappings: fc.array(optionalRecord({ containerPort: port, hostPort: port, protocol: fc.constantFrom('tcp', 'udp') }), { maxLength: 3 }),
    links: fc.constant(['db']),
    extraHosts: fc.constant([{ hostname: 'x', ipAddress: '10.0.0.1' }]),
    dnsServers: fc.constant(['10.0.0.2']),
    disableNetworking: bool,
    dockerSecurityOptions: fc.constant(['no-new-privileges']),
    ulimits: fc.constant([{ name: 'nofile', softLimit: 1024, hardLimit: 4096 }]),
    systemControls: fc.constant([{ namespace: 'net.core.somaxconn', value: '1024' }]),
    linuxParameters: optionalRecord({
      capabilities: optionalRecord({ add: fc.array(fc.constantFrom('SYS_PTRACE', 'NET_ADMIN', 'SYS_ADMIN'), { maxLength: 2 }), drop: fc.constant(['ALL']) }),
      devices: fc.constant([{ hostPath: '/dev/fuse' }]),
      maxSwap: fc.constant(1024),
      swappiness: fc.constant(60),
      sharedMemorySize: fc.constant(64),
      tmpfs: fc.constant([{ containerPath: '/tmp', size: 64 }]),
      initProcessEnabled: fc.boolean(),
    }),
    resourceRequirements: fc.constant([{ type: 'GPU', value: '1' }]),
  },
  { requiredKeys: ['name', 'image'] },
);

export const ecsTaskDefinition: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.record(
      {
        family: name,
        networkMode: fc.constantFrom<unknown>('awsvpc', 'bridge', 'host', 'none', 5),
        requiresCompatibilities: fc.constantFrom<unknown>(['FARGATE'], ['EC2'], ['EC2', 'FARGATE'], [], ['fargate'], 'FARGATE', ['EXTERNAL']),
        cpu: fc.constantFrom<unknown>('256', '512', '1024', '2048', '4096', '8192', '16384', 256, 1024, '1 vCPU', '0.25 vCPU', '3000', 'x'),
        memory: fc.constantFrom<unknown>('512', '1024', '2048', '3072', '8192', '30720', '122880', 512, '2 GB', '0.5GB', '100', 'x'),
        ephemeralStorage: fc.record({ sizeInGiB: fc.constantFrom<unknown>(20, 21, 100, 200, 201, '50') }),
        runtimePlatform: optionalRecord({
          operatingSystemFamily: fc.constantFrom('LINUX', 'WINDOWS_SERVER_2019_CORE', 'WINDOWS_SERVER_2022_FULL', 'windows', 'linux'),
          cpuArchitecture: fc.constantFrom('X86_64', 'ARM64', 'arm64', 'x86_64'),
        }),
        volumes: fc.array(
          fc.oneof(
            fc.record({ name: fc.constant('h'), host: fc.record({ sourcePath: fc.constant('/var/log') }) }),
            fc.record({ name: fc.constant('d'), dockerVolumeConfiguration: fc.record({ scope: fc.constant('shared'), autoprovision: fc.boolean() }) }),
            fc.record({ name: fc.constant('e'), efsVolumeConfiguration: fc.record({ fileSystemId: fc.constant('fs-1') }) }),
            fc.record({ name: fc.constant('empty') }),
          ),
          { maxLength: 2 },
        ),
        placementConstraints: fc.constant([{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t2.*' }]),
        ipcMode: fc.constantFrom('host', 'task', 'none'),
        pidMode: fc.constantFrom('host', 'task'),
        inferenceAccelerators: fc.constant([{ deviceName: 'd', deviceType: 'eia2.medium' }]),
      },
      { requiredKeys: [] },
    ),
    fc.array(ecsContainer, { minLength: 1, maxLength: 3 }),
    fc.boolean(),
  )
  .map(([task, containerDefinitions, wrapped]) => {
    const t = { ...task, containerDefinitions };
    return wrapped ? { taskDefinition: t } : t;
  });

// --- compose ---------------------------------------------------------------------------

const composeService = fc.record(
  {
    image: fc.constantFrom('nginx', 'postgres:16'),
    build: fc.constantFrom<unknown>('.', { context: '.' }),
    privileged: bool,
    network_mode: fc.constantFrom('host', 'bridge', 'service:db', 'none'),
    pid: fc.constantFrom('host'),
    ipc: fc.constantFrom('host', 'shareable'),
    ports: fc.array(fc.constantFrom<unknown>('80:80', '8080:80', '80', 80, '127.0.0.1:80:80', '8000-8005:80', '53:53/udp', { target: 80, published: 8080 }, { target: 80, published: '80' }), { maxLength: 3 }),
    cap_add: fc.array(fc.constantFrom('NET_ADMIN', 'SYS_PTRACE', 'ALL'), { maxLength: 2 }),
    devices: fc.constant(['/dev/fuse:/dev/fuse']),
    volumes: fc.array(fc.constantFrom<unknown>('./data:/data', '/var/run/docker.sock:/var/run/docker.sock', 'named:/data', { type: 'bind', source: '.', target: '/app' }), { maxLength: 2 }),
    links: fc.constant(['db']),
    extra_hosts: fc.constant(['x:10.0.0.1']),
    sysctls: fc.constant({ 'net.core.somaxconn': 1024 }),
    security_opt: fc.constantFrom(['seccomp:unconfined'], ['no-new-privileges:true']),
    shm_size: fc.constant('1gb'),
    mem_limit: memory,
    cpus: cpu,
    deploy: optionalRecord({
      resources: optionalRecord({
        limits: optionalRecord({ cpus: cpu, memory: fc.constantFrom('512M', '1G', '2g') }),
        reservations: optionalRecord({ cpus: cpu, memory: fc.constantFrom('256M', '1G'), devices: fc.constant([{ driver: 'nvidia', count: 1, capabilities: ['gpu'] }]) }),
      }),
    }),
  },
  { requiredKeys: ['image'] },
);

export const composeFile: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(fc.dictionary(fc.oneof(fc.constantFrom('web', 'db', 'worker', 'proxy'), fc.string({ minLength: 1, maxLength: 6 })), composeService, { minKeys: 1, maxKeys: 3 }), fc.boolean())
  .map(([services, withName]) => (withName ? { name: 'app', services } : { services }));

// --- eksctl -----------------------------------------------------------------------------

export const eksctlConfig: fc.Arbitrary<Record<string, unknown>> = fc.record({
  apiVersion: fc.constantFrom('eksctl.io/v1alpha5'),
  kind: fc.constant('ClusterConfig'),
  metadata: fc.record({
    name,
    region: fc.constantFrom<unknown>('us-east-1', 'eu-west-1', 'eu-central-2', 'ap-southeast-7', 'us-gov-west-1', 'cn-north-1', 'eu-west1', 'mars-1', 'US-EAST-1', 5),
    version: fc.constantFrom<unknown>('1.29', '1.30', '1.31', '1.33', '1.34', '1.23', '1.40', 1.3, 1.29, 'latest', 'x'),
  }),
  nodeGroups: fc.array(fc.record({ name, instanceType: fc.constantFrom('m5.large', 'p3.2xlarge', 'g5.xlarge', 'm7g.large', 'inf2.xlarge', 'x9.huge') }), { maxLength: 2 }),
  managedNodeGroups: fc.array(fc.record({ name, instanceTypes: fc.constantFrom(['m5.large'], ['g4dn.xlarge', 'm5.large']) }), { maxLength: 1 }),
  fargateProfiles: fc.array(
    fc.record({
      name,
      selectors: fc.array(optionalRecord({ namespace: fc.constantFrom('default', 'shop', 'fargate-ns', 'kube-system'), labels: fc.dictionary(fc.constantFrom('app', 'compute'), fc.constantFrom('web', 'fargate'), { maxKeys: 1 }) }), { maxLength: 2 }),
    }),
    { maxLength: 2 },
  ),
});

// --- writing -----------------------------------------------------------------------------

export type Style = { indent: number; quote: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'; flow: boolean; seqIndent: boolean };

export const yamlStyle: fc.Arbitrary<Style> = fc.record({
  indent: fc.constantFrom(2, 2, 4, 1, 3),
  quote: fc.constantFrom('PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
  flow: fc.constantFrom(false, false, false, true),
  seqIndent: fc.boolean(),
});

/** YAML text for a value, never folded (lineWidth 0), so each scalar stays on one line. */
export function toYaml(value: unknown, style: Style): string {
  // No anchors for values used twice: a generated file should read like a hand-written one.
  const doc = new Document(value, { aliasDuplicateObjects: false });
  return doc.toString({
    indent: style.indent,
    indentSeq: style.seqIndent,
    defaultStringType: style.quote,
    defaultKeyType: 'PLAIN',
    collectionStyle: style.flow ? 'flow' : 'any',
    lineWidth: 0,
    minContentWidth: 0,
    flowCollectionPadding: true,
  });
}

export function toJson(value: unknown, indent: number | string): string {
  return JSON.stringify(value, null, indent) + '\n';
}

/** A file as a user writes it: one format, one or more documents, a path that fits. */
export const manifestFile: fc.Arbitrary<{ path: string; text: string }> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.array(kubernetesObject, { minLength: 1, maxLength: 3 }), yamlStyle, fc.constantFrom('k8s/app.yaml', 'deploy.yml', 'manifests/x.yaml', 'pod.YAML'), fc.boolean())
      .map(([objs, style, path, leadingMarker]) => ({ path, text: (leadingMarker ? '---\n' : '') + objs.map((o) => toYaml(o, style)).join('---\n') })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(kubernetesObject, fc.constantFrom(0, 2, '\t')).map(([o, indent]) => ({ path: 'k8s/object.json', text: toJson(o, indent) })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.array(kubernetesObject, { minLength: 1, maxLength: 3 }), yamlStyle).map(([items, style]) => ({ path: 'list.yaml', text: toYaml({ apiVersion: 'v1', kind: 'List', items }, style) })),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(ecsTaskDefinition, fc.constantFrom(0, 2, 4, '\t'), fc.constantFrom('task-definition.json', 'ecs/taskdef.json', 'td.yaml')).map(([t, indent, path]) => ({
      path,
      text: path.endsWith('.yaml') ? toYaml(t, { indent: 2, quote: 'PLAIN', flow: false, seqIndent: true }) : toJson(t, indent),
    })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(composeFile, yamlStyle, fc.constantFrom('docker-compose.yml', 'compose.yaml', 'deploy/compose.prod.yml')).map(([c, style, path]) => ({ path, text: toYaml(c, style) })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(eksctlConfig, yamlStyle).map(([c, style]) => ({ path: 'cluster.yaml', text: toYaml(c, style) })),
  },
);

// --- mutation ---------------------------------------------------------------------------------

const SNIPPETS = [
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '#',
  '# offload-ignore *: fuzz\n',
  '// offload-ignore eks-fargate-host-network\n',
  '---\n',
  '...\n',
  '{{ .Values.x }}',
  '{{- if .Values.y }}\n',
  '{{- end }}\n',
  '&a ',
  '*a',
  '<<: *a\n',
  '- ',
  ': ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '|\n',
  '>-\n',
  '!!binary ',
  '\uFEFF',
  '\u2028',
  '\u0085',
  '😀',
  '\\',
  '\u0000',
  '\uFFFD',
  'hostNetwork: true\n',
  'privileged: yes\n',
  'hostPort: 80\n',
  '"networkMode": "host",',
];

type Mutation = (text: string) => string;

const at = (text: string, n: number) => (text.length ? n % (text.length + 1) : 0);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>((t) => t.replace(/\r?\n/g, '\r\n')),
  fc.constant<Mutation>((t) => t.replace(/\r?\n/g, '\r')),
  fc.constant<Mutation>((t) => '\uFEFF' + t),
  fc.constant<Mutation>((t) => t.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2))),
  fc.constant<Mutation>((t) => t.replace(/\n/g, '   \n')),
  fc.constant<Mutation>((t) => t.replace(/(: )(true)\b/g, '$1yes')),
  fc.constant<Mutation>((t) => t.replace(/\n/g, '\n# a comment\n')),
  fc.constant<Mutation>((t) => t.replace(/\n/g, ' # trailing\n')),
  fc.constant<Mutation>((t) => t.replace(/: (\w+)/g, ': {{ .Values.$1 }}')),
  fc.nat().map<Mutation>((n) => (t) => t.slice(0, at(t, n))),
  fc.tuple(fc.nat(), fc.constantFrom(...SNIPPETS)).map<Mutation>(([n, s]) => (t) => t.slice(0, at(t, n)) + s + t.slice(at(t, n))),
  fc.tuple(fc.nat(), fc.nat({ max: 20 })).map<Mutation>(([n, len]) => (t) => t.slice(0, at(t, n)) + t.slice(at(t, n) + len)),
  fc.tuple(fc.nat(), fc.string({ maxLength: 8, unit: 'binary' })).map<Mutation>(([n, s]) => (t) => t.slice(0, at(t, n)) + s + t.slice(at(t, n))),
  // Whole lines: duplicate one (duplicate keys), drop one, swap two.
  fc.nat().map<Mutation>((n) => (t) => {
    const lines = t.split('\n');
    const i = n % lines.length;
    lines.splice(i, 0, lines[i]);
    return lines.join('\n');
  }),
  fc.nat().map<Mutation>((n) => (t) => {
    const lines = t.split('\n');
    lines.splice(n % lines.length, 1);
    return lines.join('\n');
  }),
  fc.tuple(fc.nat(), fc.nat()).map<Mutation>(([a, b]) => (t) => {
    const lines = t.split('\n');
    const i = a % lines.length;
    const j = b % lines.length;
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  }),
);

/** A manifest after a few text mutations. */
export const mutatedFile: fc.Arbitrary<{ path: string; text: string }> = fc
  .tuple(manifestFile, fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.constantFrom('', 'chart/templates/'))
  .map(([f, ms, prefix]) => ({ path: prefix + f.path, text: ms.reduce((t, m) => m(t), f.text) }));

/** Text assembled from the pieces YAML and JSON parsers trip on. */
export const pieceText: fc.Arbitrary<{ path: string; text: string }> = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom(...SNIPPETS),
        fc.constantFrom('apiVersion: v1\n', 'kind: Pod\n', 'kind: DaemonSet\n', 'metadata:\n  name: x\n', 'spec:\n', '  containers:\n', '    - name: a\n', '      image: nginx\n', 'containerDefinitions:\n', 'services:\n  a:\n    image: x\n', '%YAML 1.2\n', '{"family": "f", "containerDefinitions": [', '{"name": "a"}', 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n'),
      ),
      { maxLength: 40 },
    ),
    fc.constantFrom('a.yaml', 'a.json', 'templates/a.yaml', 'Dockerfile', 'x.yml'),
  )
  .map(([parts, path]) => ({ path, text: parts.join('') }));

/** Workspaces: one to four files, generated or mutated, with unique paths. */
export function workspace(file: fc.Arbitrary<{ path: string; text: string }>, maxFiles = 4): fc.Arbitrary<Case> {
  return fc.tuple(fc.array(file, { minLength: 1, maxLength: maxFiles }), fc.nat()).map(([files, pick]) => ({ files: uniquePaths(files), pick }));
}

/** An eksctl cluster next to the workloads, so the cross-file rules run too. */
export const workspaceWithCluster: fc.Arbitrary<Case> = fc
  .tuple(fc.array(manifestFile, { minLength: 1, maxLength: 3 }), eksctlConfig, yamlStyle, fc.nat())
  .map(([files, cluster, style, pick]) => ({ files: uniquePaths([...files, { path: 'cluster.yaml', text: toYaml(cluster, style) }]), pick }));

export const configText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'eksVersion: "1.31"\nregions: [eu-west-1]\n',
    'eksVersion: 1.30\n',
    'regions: us-east-1\n',
    'rules:\n  eks-fargate-host-network: off\n  eks-fargate-daemonset: info\n',
    'rules: {"*": error}\n',
    'ignore: ["**/*.json"]\n',
    'maxFileSizeBytes: 10\n',
    'maxFileSizeBytes: -1\n',
    'maxFileSizeBytes: "big"\n',
    'eksVersion: [1]\nregions: {a: b}\nrules: 5\nignore: 7\n',
    'a: &a [*a]\n',
    '\u0000',
    '{{ .Values }}',
    '',
  ),
  fc.string({ maxLength: 60 }),
);

function uniquePaths(files: { path: string; text: string }[]): { path: string; text: string }[] {
  const seen = new Map<string, number>();
  return files.map((f) => {
    const n = seen.get(f.path) ?? 0;
    seen.set(f.path, n + 1);
    return n ? { path: f.path.replace(/(\.[^./]+)?$/, `-${n}$1`), text: f.text } : f;
  });
}
