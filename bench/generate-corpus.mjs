// Deterministic generator of synthetic workspaces for the benchmark (issue 8).
//
//   node bench/generate-corpus.mjs [--out bench/.corpus] [--sizes 1000,10000] [--force]
//
// Every file is a pure function of (its index, SEED): the 1,000-file workspace is the
// first 1,000 files of the 10,000-file one, and two runs write identical bytes. A
// workspace that already exists with the same generator version is left as it is.
//
// The mix is what a platform team's repository holds: Kubernetes multi-document files
// of 50-400 lines (Deployments with Services, StatefulSets with claims, DaemonSets,
// Jobs, CronJobs, ConfigMaps, HPAs, Ingresses, the odd deprecated API), ECS task
// definitions (JSON), compose files, a few eksctl ClusterConfigs with Fargate
// profiles, Helm templates, broken YAML, and YAML/JSON that is none of ours.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const GENERATOR_VERSION = 4;
const SEED = 0x0ff10ad;

/** mulberry32: small, fast, good enough for picking shapes. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
  };
}

const NAMESPACES = ['shop', 'checkout', 'payments', 'search', 'catalog', 'api-gateway', 'api-orders', 'api-users', 'batch', 'ml', 'monitoring', 'logging', 'default', 'data', 'web', 'auth', 'notifications', 'reports', 'inventory', 'shipping'];
const WORDS = ['cart', 'orders', 'users', 'search', 'index', 'render', 'auth', 'token', 'mail', 'sms', 'push', 'report', 'export', 'import', 'sync', 'cache', 'queue', 'worker', 'gateway', 'proxy', 'billing', 'ledger', 'pricing', 'promo', 'review', 'rating', 'media', 'thumb', 'upload', 'audit'];
const IMAGES = ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/{n}:{v}', 'public.ecr.aws/docker/library/{n}:{v}', 'ghcr.io/acme/{n}:{v}', 'quay.io/acme/{n}:{v}'];
const CPU = ['50m', '100m', '250m', '500m', '1', '2'];
const MEM = ['64Mi', '128Mi', '256Mi', '512Mi', '1Gi', '2Gi', '4Gi'];

function image(r, name) {
  return r.pick(IMAGES).replace('{n}', name).replace('{v}', `${r.int(0, 4)}.${r.int(0, 20)}.${r.int(0, 9)}`);
}

function containerYaml(r, name, indent, opts = {}) {
  const p = ' '.repeat(indent);
  const lines = [`${p}- name: ${name}`, `${p}  image: ${image(r, name)}`];
  if (r.chance(0.3)) lines.push(`${p}  imagePullPolicy: IfNotPresent`);
  if (r.chance(0.7)) {
    lines.push(`${p}  ports:`);
    const n = r.int(1, 2);
    for (let i = 0; i < n; i++) {
      lines.push(`${p}    - containerPort: ${r.pick([80, 443, 8080, 8443, 9090, 3000, 5432, 6379])}`);
      if (opts.hostPort || r.chance(0.03)) lines.push(`${p}      hostPort: ${r.int(30000, 32000)}`);
      if (r.chance(0.4)) lines.push(`${p}      protocol: TCP`);
    }
  }
  if (r.chance(0.6)) {
    lines.push(`${p}  env:`);
    const n = r.int(1, 5);
    for (let i = 0; i < n; i++) {
      lines.push(`${p}    - name: ${r.pick(WORDS).toUpperCase()}_${r.pick(['URL', 'HOST', 'PORT', 'MODE', 'LEVEL'])}_${i}`);
      lines.push(`${p}      value: "${r.pick(WORDS)}-${r.int(1, 99)}"`);
    }
  }
  if (!r.chance(0.15)) {
    lines.push(`${p}  resources:`);
    const big = r.chance(0.02);
    if (!r.chance(0.1)) {
      lines.push(`${p}    requests:`, `${p}      cpu: ${big ? '32' : r.pick(CPU)}`, `${p}      memory: ${big ? '256Gi' : r.pick(MEM)}`);
    }
    if (r.chance(0.6) || opts.gpu) {
      lines.push(`${p}    limits:`, `${p}      memory: ${r.pick(MEM)}`);
      if (opts.gpu) lines.push(`${p}      nvidia.com/gpu: 1`);
    }
  }
  if (r.chance(0.5)) {
    lines.push(`${p}  readinessProbe:`, `${p}    httpGet:`, `${p}      path: /healthz`, `${p}      port: 8080`, `${p}    initialDelaySeconds: ${r.int(1, 30)}`, `${p}    periodSeconds: 10`);
  }
  if (opts.privileged || r.chance(0.04)) lines.push(`${p}  securityContext:`, `${p}    privileged: true`);
  else if (r.chance(0.3)) lines.push(`${p}  securityContext:`, `${p}    runAsNonRoot: true`, `${p}    allowPrivilegeEscalation: false`, `${p}    readOnlyRootFilesystem: true`);
  if (r.chance(0.3)) lines.push(`${p}  volumeMounts:`, `${p}    - name: config`, `${p}      mountPath: /etc/${name}`);
  return lines;
}

function podSpec(r, name, indent, opts = {}) {
  const p = ' '.repeat(indent);
  const lines = [];
  if (opts.hostNetwork) lines.push(`${p}hostNetwork: true`);
  if (r.chance(0.2)) lines.push(`${p}serviceAccountName: ${name}`);
  if (r.chance(0.08)) lines.push(`${p}nodeSelector:`, `${p}  kubernetes.io/arch: ${r.pick(['amd64', 'arm64'])}`);
  if (r.chance(0.1)) lines.push(`${p}tolerations:`, `${p}  - key: dedicated`, `${p}    operator: Equal`, `${p}    value: ${name}`, `${p}    effect: NoSchedule`);
  if (r.chance(0.1)) lines.push(`${p}initContainers:`, ...containerYaml(r, `${name}-init`, indent + 2));
  lines.push(`${p}containers:`);
  const n = r.chance(0.25) ? 2 : 1;
  for (let i = 0; i < n; i++) lines.push(...containerYaml(r, i ? `${name}-sidecar` : name, indent + 2, i ? {} : opts));
  const vols = [];
  if (r.chance(0.3)) vols.push(`${p}  - name: config`, `${p}    configMap:`, `${p}      name: ${name}-config`);
  if (opts.hostPath || r.chance(0.03)) vols.push(`${p}  - name: host`, `${p}    hostPath:`, `${p}      path: /var/log`);
  if (opts.claim) vols.push(`${p}  - name: data`, `${p}    persistentVolumeClaim:`, `${p}      claimName: ${opts.claim}`);
  if (vols.length) lines.push(`${p}volumes:`, ...vols);
  return lines;
}

function meta(r, name, ns, extra = []) {
  const lines = ['metadata:', `  name: ${name}`];
  if (ns !== 'default' || r.chance(0.5)) lines.push(`  namespace: ${ns}`);
  lines.push('  labels:', `    app: ${name}`, `    team: ${r.pick(WORDS)}`);
  if (r.chance(0.01)) lines.push('  annotations:', `    offload.dev/ignore: "eks-fargate-no-requests: sized by the VPA"`);
  lines.push(...extra);
  return lines;
}

function deployment(r, name, ns, claim) {
  const opts = { gpu: r.chance(0.02), privileged: false, hostPort: false, claim };
  const apiVersion = r.chance(0.01) ? 'extensions/v1beta1' : 'apps/v1';
  return [
    `apiVersion: ${apiVersion}`,
    'kind: Deployment',
    ...meta(r, name, ns),
    'spec:',
    `  replicas: ${r.int(1, 6)}`,
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${name}`,
    ...(r.chance(0.15) ? [`        tier: ${r.pick(['frontend', 'backend', 'critical'])}`] : []),
    '    spec:',
    ...podSpec(r, name, 6, opts),
  ];
}

function service(r, name, ns, headless = false) {
  return [
    'apiVersion: v1',
    'kind: Service',
    ...meta(r, name, ns),
    'spec:',
    ...(headless ? ['  clusterIP: None'] : r.chance(0.2) ? ['  type: LoadBalancer'] : []),
    '  selector:',
    `    app: ${name}`,
    '  ports:',
    `    - port: ${r.pick([80, 443, 5432, 6379])}`,
    `      targetPort: ${r.pick([8080, 8443, 5432, 6379])}`,
  ];
}

function statefulSet(r, name, ns) {
  const cls = r.pick(['gp3', 'efs-sc', undefined]);
  return [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    ...meta(r, name, ns),
    'spec:',
    `  serviceName: ${name}`,
    `  replicas: ${r.int(1, 3)}`,
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${name}`,
    '    spec:',
    ...podSpec(r, name, 6),
    '  volumeClaimTemplates:',
    '    - metadata:',
    '        name: data',
    '      spec:',
    '        accessModes: ["ReadWriteOnce"]',
    ...(cls ? [`        storageClassName: ${cls}`] : []),
    '        resources:',
    '          requests:',
    `            storage: ${r.int(1, 100)}Gi`,
  ];
}

function daemonSet(r, name, ns) {
  return [
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    ...meta(r, name, ns),
    'spec:',
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${name}`,
    '    spec:',
    ...podSpec(r, name, 6, { hostNetwork: r.chance(0.5), hostPath: r.chance(0.6), privileged: r.chance(0.4), hostPort: r.chance(0.3) }),
  ];
}

function cronJob(r, name, ns) {
  const old = r.chance(0.1);
  return [
    `apiVersion: ${old ? 'batch/v1beta1' : 'batch/v1'}`,
    'kind: CronJob',
    ...meta(r, name, ns),
    'spec:',
    `  schedule: "${r.int(0, 59)} ${r.int(0, 23)} * * *"`,
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          restartPolicy: OnFailure',
    ...podSpec(r, name, 10),
  ];
}

function job(r, name, ns) {
  return ['apiVersion: batch/v1', 'kind: Job', ...meta(r, name, ns), 'spec:', '  template:', '    spec:', '      restartPolicy: Never', ...podSpec(r, name, 6, { gpu: r.chance(0.1) })];
}

function configMap(r, name, ns) {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', ...meta(r, `${name}-config`, ns), 'data:'];
  const n = r.int(2, 12);
  for (let i = 0; i < n; i++) lines.push(`  ${r.pick(WORDS)}.${r.pick(['url', 'mode', 'level', 'size'])}.${i}: "${r.pick(WORDS)}-${r.int(1, 999)}"`);
  if (r.chance(0.3)) lines.push('  app.properties: |', ...Array.from({ length: r.int(3, 15) }, (_, i) => `    ${r.pick(WORDS)}.${r.pick(WORDS)}.${i}=${r.int(0, 9999)}`));
  return lines;
}

function hpa(r, name, ns) {
  return ['apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', ...meta(r, name, ns), 'spec:', '  scaleTargetRef:', '    apiVersion: apps/v1', '    kind: Deployment', `    name: ${name}`, `  minReplicas: ${r.int(1, 3)}`, `  maxReplicas: ${r.int(4, 20)}`, '  metrics:', '    - type: Resource', '      resource:', '        name: cpu', '        target:', '          type: Utilization', `          averageUtilization: ${r.int(50, 90)}`];
}

function ingress(r, name, ns) {
  const old = r.chance(0.1);
  return [
    `apiVersion: ${old ? 'networking.k8s.io/v1beta1' : 'networking.k8s.io/v1'}`,
    'kind: Ingress',
    ...meta(r, name, ns, ['  annotations:', '    kubernetes.io/ingress.class: alb']),
    'spec:',
    '  rules:',
    '    - http:',
    '        paths:',
    '          - path: /',
    ...(old ? ['            backend:', `              serviceName: ${name}`, '              servicePort: 80'] : ['            pathType: Prefix', '            backend:', '              service:', `                name: ${name}`, '                port:', '                  number: 80']),
  ];
}

function pvc(r, name, ns) {
  return ['apiVersion: v1', 'kind: PersistentVolumeClaim', ...meta(r, name, ns), 'spec:', '  accessModes: ["ReadWriteMany"]', `  storageClassName: ${r.pick(['gp3', 'efs-sc'])}`, '  resources:', '    requests:', `      storage: ${r.int(1, 50)}Gi`];
}

/** One Kubernetes multi-document file of about `target` lines. */
export function kubernetesFile(r, target) {
  const docs = [];
  let lines = 0;
  const ns = r.pick(NAMESPACES);
  const header = r.chance(0.2) ? ['# Generated by the Offload benchmark corpus generator.', `# Owner: team-${r.pick(WORDS)}`] : [];
  while (lines < target) {
    const name = `${r.pick(WORDS)}-${r.pick(WORDS)}-${r.int(1, 999)}`;
    const x = r.next();
    let doc;
    if (x < 0.34) doc = [...deployment(r, name, ns), '---', ...service(r, name, ns)];
    else if (x < 0.44) doc = [...statefulSet(r, name, ns), '---', ...service(r, name, ns, true)];
    else if (x < 0.5) doc = daemonSet(r, name, ns);
    else if (x < 0.56) doc = cronJob(r, name, ns);
    else if (x < 0.6) doc = job(r, name, ns);
    else if (x < 0.75) doc = configMap(r, name, ns);
    else if (x < 0.83) doc = hpa(r, name, ns);
    else if (x < 0.91) doc = ingress(r, name, ns);
    else {
      const claim = `${name}-data`;
      doc = [...pvc(r, claim, ns), '---', ...deployment(r, name, ns, claim)];
    }
    docs.push(doc);
    lines += doc.length + 1;
  }
  return [...header, docs.map((d) => d.join('\n')).join('\n---\n')].join('\n') + '\n';
}

function ecsTaskDefinition(r, family) {
  const fargate = r.chance(0.6);
  const containers = Array.from({ length: r.int(1, 3) }, (_, i) => {
    const name = i ? `${family}-sidecar-${i}` : family;
    const c = {
      name,
      image: image(r, name),
      essential: i === 0,
      portMappings: r.chance(0.7) ? [{ containerPort: r.pick([80, 8080, 3000]), ...(r.chance(0.1) ? { hostPort: r.pick([80, 8081]) } : {}), protocol: 'tcp' }] : [],
      environment: Array.from({ length: r.int(0, 6) }, () => ({ name: `${r.pick(WORDS).toUpperCase()}_URL`, value: `https://${r.pick(WORDS)}.example.com` })),
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/${family}`, 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': name } },
    };
    if (r.chance(0.05)) c.privileged = true;
    if (r.chance(0.05)) c.linuxParameters = { capabilities: { add: ['SYS_ADMIN'] } };
    if (r.chance(0.4)) c.memoryReservation = r.pick([128, 256, 512]);
    return c;
  });
  const td = {
    family,
    ...(fargate ? { requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc' } : r.chance(0.5) ? { networkMode: r.pick(['bridge', 'host']) } : {}),
    ...(r.chance(0.8) ? { cpu: String(r.pick([256, 512, 1024, 2048, 4096])), memory: String(r.pick([512, 1024, 2048, 4096, 8192])) } : {}),
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: containers,
    ...(r.chance(0.1) ? { volumes: [{ name: 'docker', host: { sourcePath: '/var/run/docker.sock' } }] } : {}),
  };
  return JSON.stringify(r.chance(0.2) ? { taskDefinition: td } : td, null, 2) + '\n';
}

function composeFile(r) {
  const lines = [`# Local stack for ${r.pick(WORDS)}.`, 'services:'];
  const n = r.int(2, 7);
  for (let i = 0; i < n; i++) {
    const name = `${r.pick(WORDS)}${i}`;
    lines.push(`  ${name}:`, `    image: ${image(r, name)}`);
    if (r.chance(0.5)) lines.push('    ports:', `      - "${r.int(8000, 8999)}:${r.pick([80, 8080])}"`);
    if (r.chance(0.4)) lines.push('    environment:', `      MODE: ${r.pick(['dev', 'prod'])}`, `      LEVEL: ${r.pick(['debug', 'info'])}`);
    if (r.chance(0.3)) lines.push('    volumes:', `      - ./data/${name}:/var/lib/${name}`);
    if (r.chance(0.5)) lines.push('    deploy:', '      resources:', '        reservations:', `          cpus: "${r.pick(['0.25', '0.5', '1'])}"`, `          memory: ${r.pick(['256m', '512m', '1g'])}`);
    if (r.chance(0.05)) lines.push('    privileged: true');
    if (r.chance(0.05)) lines.push('    network_mode: host');
    if (r.chance(0.3)) lines.push('    depends_on:', `      - ${r.pick(WORDS)}0`);
  }
  return lines.join('\n') + '\n';
}

function eksctlConfig(r, i) {
  const lines = [
    '# The cluster. Fargate runs the app namespaces; managed node groups run the rest.',
    'apiVersion: eksctl.io/v1alpha5',
    'kind: ClusterConfig',
    'metadata:',
    `  name: cluster-${i}`,
    `  region: ${r.pick(['eu-west-1', 'us-east-1', 'us-west-2'])}`,
    `  version: "${r.pick(['1.31', '1.32', '1.33'])}"`,
    'fargateProfiles:',
    '  - name: apps',
    '    selectors:',
    '      - namespace: shop',
    '      - namespace: checkout',
    '      - namespace: api-*',
    '  - name: web',
    '    selectors:',
    '      - namespace: web',
    '        labels:',
    '          tier: frontend',
    '  - name: legacy',
    '    selectors:',
    '      - namespace: legacy-billing',
    'managedNodeGroups:',
    '  - name: system',
    '    instanceType: m6i.large',
    '    desiredCapacity: 2',
    '  - name: gpu',
    '    instanceType: g5.xlarge',
    '    desiredCapacity: 0',
  ];
  return lines.join('\n') + '\n';
}

function helmTemplate(r) {
  const name = r.pick(WORDS);
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ include "chart.fullname" . }}',
    '  labels:',
    '    {{- include "chart.labels" . | nindent 4 }}',
    'spec:',
    '  {{- if not .Values.autoscaling.enabled }}',
    '  replicas: {{ .Values.replicaCount }}',
    '  {{- end }}',
    '  selector:',
    '    matchLabels:',
    '      {{- include "chart.selectorLabels" . | nindent 6 }}',
    '  template:',
    '    metadata:',
    '      labels:',
    '        {{- include "chart.selectorLabels" . | nindent 8 }}',
    '    spec:',
    '      containers:',
    `        - name: ${name}`,
    '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
    '          ports:',
    '            - containerPort: {{ .Values.service.port }}',
    '          resources:',
    '            {{- toYaml .Values.resources | nindent 12 }}',
    '',
  ].join('\n');
}

function brokenYaml(r) {
  const ok = kubernetesFile(r, 60).split('\n');
  const at = r.int(5, Math.max(6, ok.length - 5));
  ok.splice(at, 0, r.pick(['  image: "unterminated', '    - [broken: flow', 'key: value: another', '\tindented: with a tab']));
  return ok.join('\n');
}

function otherYaml(r) {
  return ['name: ci', 'on:', '  push:', '    branches: [main]', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', `      - run: npm test -- --grep ${r.pick(WORDS)}`, ''].join('\n');
}

/** The file with index `i`: its path and text. */
export function fileAt(i) {
  const r = rng(SEED ^ Math.imul(i + 1, 0x9e3779b1));
  const dir = `team-${String(i % 37).padStart(2, '0')}/${r.pick(['deploy', 'k8s', 'manifests', 'apps', 'infra'])}`;
  if (i % 500 === 7) return { path: `clusters/cluster-${i}.yaml`, text: eksctlConfig(r, i) };
  const x = r.next();
  if (x < 0.7) return { path: `${dir}/${r.pick(WORDS)}-${i}.yaml`, text: kubernetesFile(r, r.int(50, 400)) };
  if (x < 0.8) return { path: `${dir}/ecs/${r.pick(WORDS)}-${i}-task-definition.json`, text: ecsTaskDefinition(r, `${r.pick(WORDS)}-${i}`) };
  if (x < 0.89) return { path: `${dir}/compose/docker-compose.${i}.yml`, text: composeFile(r) };
  if (x < 0.92) return { path: `charts/chart-${i}/templates/deployment.yaml`, text: helmTemplate(r) };
  if (x < 0.94) return { path: `${dir}/broken-${i}.yaml`, text: brokenYaml(r) };
  if (x < 0.97) return { path: `.github/workflows/ci-${i}.yml`, text: otherYaml(r) };
  return { path: `${dir}/package-${i}.json`, text: JSON.stringify({ name: `pkg-${i}`, version: '1.0.0', scripts: { test: 'mocha' } }, null, 2) + '\n' };
}

/** One large multi-document manifest (about `lines` lines), for the per-keystroke measurement. */
export function bigManifest(lines = 5000) {
  const r = rng(SEED ^ 0xb16);
  const text = kubernetesFile(r, lines);
  return text;
}

export function generate(outDir, sizes, force = false) {
  const written = {};
  for (const n of sizes) {
    const dir = path.join(outDir, `n${n}`);
    const stamp = path.join(dir, '.generated.json');
    const want = JSON.stringify({ version: GENERATOR_VERSION, seed: SEED, files: n });
    if (!force && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) {
      written[n] = dir;
      continue;
    }
    fs.rmSync(dir, { recursive: true, force: true });
    for (let i = 0; i < n; i++) {
      const f = fileAt(i);
      const abs = path.join(dir, f.path);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, f.text);
    }
    fs.writeFileSync(stamp, want);
    written[n] = dir;
  }
  const big = path.join(outDir, 'big-5000.yaml');
  fs.mkdirSync(outDir, { recursive: true });
  const text = bigManifest(5000);
  if (!fs.existsSync(big) || fs.readFileSync(big, 'utf8') !== text) fs.writeFileSync(big, text);
  return { dirs: written, big };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : def;
  };
  const out = path.resolve(opt('--out', path.join(path.dirname(fileURLToPath(import.meta.url)), '.corpus')));
  const sizes = opt('--sizes', '1000,10000').split(',').map(Number);
  const t = Date.now();
  const { dirs, big } = generate(out, sizes, args.includes('--force'));
  console.log(`corpus ready in ${Date.now() - t} ms: ${Object.values(dirs).join(', ')}, ${big}`);
}
