import { strict as assert } from 'node:assert';
import { analyze, applyEdits, ChunkCache } from '../../src/engine';
import type { AnalysisResult, Finding, InputFile } from '../../src/engine';
import { describeAt, esc, fixAllEdits, setConfigValue, suppressionEdit, warmCache, workloadAt } from '../../src/engine/host-api';
import type { DescribeContext } from '../../src/engine/host-api';
import { parseConfig } from '../../src/engine/config';

const TODAY = '2026-11-25';

const DAEMONSET = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
  namespace: kube-system
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: agent
          image: fluent/fluent-bit:3.1
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
`;

const DEPLOYMENTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: web:1
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
        - name: sidecar
          image: proxy:1
          resources:
            limits:
              cpu: 250m
              memory: 256Mi
---
apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata:
  name: web
spec:
  backend:
    serviceName: web
    servicePort: 80
`;

const TASK = `{
  "family": "orders",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "512",
  "memory": "512",
  "containerDefinitions": [
    { "name": "api", "image": "orders:1", "cpu": 256, "memory": 512 }
  ]
}
`;

const EKSCTL = `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: shop
  region: eu-west-1
  version: "1.31"
`;

const COMPOSE = `services:
  api:
    image: api:1
    deploy:
      resources:
        limits:
          cpus: "0.5"
          memory: 1g
`;

/** The offset of the n-th occurrence of `needle`, plus `delta`. */
function offsetOf(text: string, needle: string, n = 0, delta = 1): number {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `"${needle}" #${n} not found`);
  }
  return i + delta;
}

function ctx(result?: AnalysisResult): DescribeContext {
  return { today: TODAY, eksVersion: result?.target.eksVersion ?? '1.31', regions: result?.target.regions ?? ['eu-west-1'], result };
}

function hover(file: InputFile, needle: string, c = ctx(), n = 0): { topic: string; text: string; line: number } | undefined {
  const d = describeAt(file, offsetOf(file.text, needle, n), c);
  return d && { topic: d.topic, text: d.contents.join('\n\n'), line: d.range.start.line };
}

describe('host-api: describeAt (hovers)', () => {
  const files: InputFile[] = [
    { path: 'k8s/log-agent.yaml', text: DAEMONSET },
    { path: 'k8s/web.yaml', text: DEPLOYMENTS },
    { path: 'ecs/orders-task-definition.json', text: TASK },
    { path: 'cluster/eksctl.yaml', text: EKSCTL },
    { path: 'compose/docker-compose.yml', text: COMPOSE },
  ];
  const result = analyze(files, { today: TODAY });
  const c = ctx(result);

  it('explains a DaemonSet kind for Fargate, ECS and EKS, with the workload fit and an as-of date', () => {
    const h = hover(files[0], 'DaemonSet', c)!;
    assert.equal(h.topic, 'kind');
    assert.equal(h.line, 1);
    assert.match(h.text, /Fargate:\*\* Fargate has no nodes/);
    assert.match(h.text, /\*\*ECS:\*\*.*DAEMON/);
    assert.match(h.text, /\*\*EKS:\*\*/);
    assert.match(h.text, /Recommended: EKS on EC2/);
    assert.match(h.text, /EKS on Fargate: ✗ blocked/);
    assert.match(h.text, /Data as of \d{4}-\d{2}-\d{2}/);
  });

  it('answers on the kind key as well as on its value', () => {
    assert.equal(hover(files[0], 'kind:', c)?.topic, 'kind');
  });

  it('gives an apiVersion its lifecycle and its status at the target version', () => {
    const h = hover(files[1], 'networking.k8s.io/v1beta1', c)!;
    assert.equal(h.topic, 'apiVersion');
    assert.match(h.text, /Deprecated in: 1\.19/);
    assert.match(h.text, /Removed in: 1\.22/);
    assert.match(h.text, /Served until: 1\.21/);
    assert.match(h.text, /Replacement: `networking\.k8s\.io\/v1` Ingress/);
    assert.match(h.text, /At the target, EKS 1\\\.31: \*\*NOT served/);
    assert.match(h.text, /Kubernetes API data as of/);
  });

  it('says a current built-in apiVersion is served at the target', () => {
    const h = hover(files[0], 'apps/v1', c)!;
    assert.match(h.text, /\*\*served\*\*/);
  });

  it('sizes a pod for EKS Fargate from its containers (requests, limits as fallback, overhead) with the cost', () => {
    const h = hover(files[1], 'resources', c)!;
    assert.equal(h.topic, 'resources');
    // 0.5 + 0.25 vCPU; 1024 + 256 MiB + 256 MiB overhead -> 1 vCPU / 2 GB.
    assert.match(h.text, /runs as 1vCPU 2GB/);
    assert.match(h.text, /\$\d+\.\d+\/hour/);
    assert.match(h.text, /\/month/);
    assert.match(h.text, /Data as of/);
  });

  it('answers inside a resources block too (on a memory value)', () => {
    assert.equal(hover(files[1], '256Mi', c)?.topic, 'resources');
  });

  it('checks an ECS task-level size and offers the nearest valid one with its price', () => {
    const h = hover(files[2], '"cpu": "512"', c)!;
    assert.equal(h.topic, 'ecs-size');
    assert.match(h.text, /Not a valid Fargate size/);
    assert.match(h.text, /cpu 512 \/ memory 1024/);
    assert.match(h.text, /Valid memory for 0\.5 vCPU: 1024, 2048, 3072, 4096 MiB/);
    assert.match(h.text, /\$0\.02468\/hour/);
  });

  it('explains that container-level cpu is a share of the task size', () => {
    const h = hover(files[2], '"cpu": 256', c)!;
    assert.equal(h.topic, 'ecs-size');
    assert.match(h.text, /Container-level `cpu`/);
  });

  it('gives an eksctl version its calendar and the control-plane price now', () => {
    const h = hover(files[3], '"1.31"', c)!;
    assert.equal(h.topic, 'eks-version');
    assert.match(h.text, /EKS 1\\\.31\*\* is in EXTENDED support/);
    assert.match(h.text, /\| Standard support \| 2024-09-26 \| 2025-11-26 \| \$0\.10\/hour \|/);
    assert.match(h.text, /\$0\.60\/hour\*\* per cluster now/);
    assert.match(h.text, /in 1 day\./);
  });

  it('gives a region its service availability, and notes an unknown code with suggestions', () => {
    const h = hover(files[3], 'eu-west-1', c)!;
    assert.equal(h.topic, 'region');
    assert.match(h.text, /Europe \\\(Ireland\\\)/);
    assert.match(h.text, /Fargate for EKS \| ✓ yes/);
    assert.match(h.text, /Offload targets this region/);
    const bad = describeAt({ path: 'c.yaml', text: EKSCTL.replace('eu-west-1', 'eu-wset-1') }, offsetOf(EKSCTL, 'eu-west-1'), c)!;
    assert.match(bad.contents.join(' '), /not a region Offload knows\. Did you mean `eu-west-1`/);
  });

  it('sizes a compose service as an ECS Fargate task', () => {
    const h = hover(files[4], 'cpus', c)!;
    assert.equal(h.topic, 'compose-size');
    assert.match(h.text, /0\.5 vCPU, 1 GB/);
  });

  it('describes .offload.yaml settings: eksVersion, regions and rule ids', () => {
    const text = 'eksVersion: "1.33"\nregions: [us-east-1, xx-nowhere-1]\nrules:\n  eks-fargate-daemonset: info\n  no-such-rule: off\n';
    const file = { path: '.offload.yaml', text };
    assert.equal(hover(file, '1.33')?.topic, 'eks-version');
    assert.match(hover(file, 'us-east-1')!.text, /US East/);
    assert.match(hover(file, 'xx-nowhere-1')!.text, /not a region Offload knows/);
    assert.match(hover(file, 'eks-fargate-daemonset')!.text, /\*\*eks\\-fargate\\-daemonset\*\*/);
    assert.match(hover(file, 'no-such-rule')!.text, /not an Offload rule id/);
  });

  it('returns nothing for other places, non-manifests and broken input', () => {
    assert.equal(hover(files[0], 'fluent/fluent-bit', c), undefined);
    assert.equal(describeAt({ path: 'package.json', text: '{"name": "x"}' }, 3, c), undefined);
    assert.equal(describeAt({ path: 'x.yaml', text: 'kind: [\n' }, 2, c), undefined);
    assert.equal(describeAt(files[0], 10_000, c), undefined);
    assert.equal(describeAt(files[0], -1, c), undefined);
  });

  it('escapes manifest text so a hover cannot carry links or HTML', () => {
    const evil = DAEMONSET.replace('kind: DaemonSet', 'kind: "[x](command:evil) <img src=x>"');
    const d = describeAt({ path: 'e.yaml', text: evil }, offsetOf(evil, 'command'), c);
    const text = d?.contents.join('\n') ?? '';
    // Every bracket, parenthesis and angle bracket from the manifest arrives escaped.
    assert.ok(text.includes('\\[x\\]\\(command:evil\\)'), text);
    assert.ok(!/(^|[^\\])[<[(]img|(^|[^\\])<img/.test(text) && text.includes('\\<img'), text);
    assert.equal(esc('a_b*c[d](e)<f>|g'), 'a\\_b\\*c\\[d\\]\\(e\\)\\<f\\>\\|g');
  });

  it('uses the shared parse cache when given one', () => {
    const cache = new ChunkCache();
    describeAt(files[1], offsetOf(DEPLOYMENTS, 'Ingress'), { ...c, cache });
    assert.ok(cache.size >= 2);
  });
});

describe('host-api: workloadAt', () => {
  const file: InputFile = { path: 'k8s/web.yaml', text: DEPLOYMENTS };
  const compose: InputFile = { path: 'docker-compose.yml', text: COMPOSE };
  const result = analyze([file, compose], { today: TODAY });

  it('finds the workload whose object holds the offset', () => {
    assert.equal(workloadAt(file, offsetOf(DEPLOYMENTS, 'sidecar'), result)?.name, 'web');
    assert.equal(workloadAt(compose, offsetOf(COMPOSE, 'memory'), result)?.name, 'api');
  });

  it('finds nothing outside workloads or without a result', () => {
    assert.equal(workloadAt(file, offsetOf(DEPLOYMENTS, 'serviceName'), result), undefined);
    assert.equal(workloadAt(file, 5, undefined), undefined);
  });
});

describe('host-api: fixAllEdits', () => {
  const text = 'a: 1\nb: 2\nc: 3\n';
  const finding = (ruleId: string, line: number, from: number, to: number, newText: string): Finding => ({
    ruleId,
    severity: 'warning',
    message: ruleId,
    file: 'f.yaml',
    range: { start: { line, character: 3 }, end: { line, character: 4 } },
    platforms: [],
    effect: 'advice',
    fix: { title: ruleId, edits: [{ range: { start: { line, character: from }, end: { line, character: to } }, newText }] },
  });

  it('applies every non-overlapping fix in document order', () => {
    const r = fixAllEdits(text, 'f.yaml', [finding('x', 2, 3, 4, '30'), finding('y', 0, 3, 4, '10')]);
    assert.equal(r.text, 'a: 10\nb: 2\nc: 30\n');
    assert.equal(r.fixes, 2);
    assert.equal(r.skipped, 0);
    assert.equal(applyEdits(text, r.edits).text, r.text);
  });

  it('skips a fix that overlaps an earlier one, and the same fix reported twice is applied once', () => {
    const r = fixAllEdits(text, 'f.yaml', [finding('x', 1, 0, 4, 'b: 20'), finding('y', 1, 3, 4, '21'), finding('x', 1, 0, 4, 'b: 20')]);
    assert.equal(r.text, 'a: 1\nb: 20\nc: 3\n');
    assert.equal(r.fixes, 1);
    assert.equal(r.skipped, 1);
  });

  it('ignores findings of other files and findings without a fix', () => {
    const other = { ...finding('x', 0, 3, 4, '9'), file: 'other.yaml' };
    const noFix = { ...finding('y', 0, 3, 4, '9'), fix: undefined };
    assert.deepEqual(fixAllEdits(text, 'f.yaml', [other, noFix]).edits, []);
  });

  it('fixes the ECS example to a valid size in one go', () => {
    const file = { path: 'orders-task-definition.json', text: TASK };
    const result = analyze([file], { today: TODAY });
    const r = fixAllEdits(TASK, file.path, result.findings);
    assert.ok(r.fixes >= 1);
    const after = analyze([{ ...file, text: r.text }], { today: TODAY });
    assert.ok(!after.findings.some((f) => f.ruleId === 'ecs-fargate-task-size'), JSON.stringify(after.findings.map((f) => f.ruleId)));
  });
});

describe('host-api: suppressionEdit', () => {
  it('inserts the comment above the line with its indentation and line break, and the engine honours it', () => {
    const result = analyze([{ path: 'ds.yaml', text: DAEMONSET }], { today: TODAY });
    const f = result.findings.find((x) => x.ruleId === 'eks-fargate-host-network');
    assert.ok(f, JSON.stringify(result.findings.map((x) => x.ruleId)));
    const edit = suppressionEdit(DAEMONSET, f.range.start.line, f.ruleId, false);
    assert.equal(edit.newText, '      # offload-ignore eks-fargate-host-network: <reason>\n');
    const fixed = applyEdits(DAEMONSET, [edit]).text;
    const again = analyze([{ path: 'ds.yaml', text: fixed }], { today: TODAY });
    assert.ok(!again.findings.some((x) => x.ruleId === 'eks-fargate-host-network'));
  });

  it('keeps CRLF and writes // for JSONC', () => {
    const edit = suppressionEdit('{\r\n  "a": 1\r\n}\r\n', 1, 'r', true);
    assert.equal(edit.newText, '  // offload-ignore r: <reason>\r\n');
    assert.deepEqual(edit.range.start, { line: 1, character: 0 });
  });
});

describe('host-api: setConfigValue (.offload.yaml)', () => {
  const apply = (text: string, key: 'eksVersion' | 'regions', value: string | string[]) => {
    const e = setConfigValue(text, key, value);
    return e ? applyEdits(text, [e]).text : undefined;
  };

  it('replaces a scalar in place and keeps comments', () => {
    const text = '# team config\neksVersion: "1.31" # pinned\nregions: [eu-west-1]\n';
    assert.equal(apply(text, 'eksVersion', '1.33'), '# team config\neksVersion: "1.33" # pinned\nregions: [eu-west-1]\n');
    assert.equal(apply("eksVersion: '1.31'\n", 'eksVersion', '1.33'), "eksVersion: '1.33'\n");
    assert.equal(apply('eksVersion: 1.31\n', 'eksVersion', '1.33'), 'eksVersion: "1.33"\n');
    assert.equal(apply('eksVersion: "1.31"\n', 'eksVersion', 'latest'), 'eksVersion: latest\n');
  });

  it('rewrites a flow list as a flow list and a block list as a block list', () => {
    assert.equal(apply('regions: [eu-west-1] # where\n', 'regions', ['us-east-1', 'us-west-2']), 'regions: [us-east-1, us-west-2] # where\n');
    assert.equal(apply('regions:\n  - eu-west-1 # main\nignore: []\n', 'regions', ['us-east-1', 'us-west-2']), 'regions:\n  - us-east-1\n  - us-west-2 # main\nignore: []\n');
    assert.equal(apply('regions: eu-west-1\n', 'regions', ['us-east-1']), 'regions: [us-east-1]\n');
    assert.equal(apply('regions:\n  - eu-west-1\n', 'regions', []), 'regions: []\n');
    assert.equal(apply('regions:\nignore: []\n', 'regions', ['us-east-1']), 'regions: [us-east-1]\nignore: []\n');
  });

  it('gives up when the key is absent or the file does not parse, so the host writes a setting instead', () => {
    assert.equal(setConfigValue('ignore: []\n', 'regions', ['us-east-1']), undefined);
    assert.equal(setConfigValue('regions: [\n', 'regions', ['us-east-1']), undefined);
    assert.equal(setConfigValue('- a\n', 'regions', ['us-east-1']), undefined);
  });

  it('produces files parseConfig reads back', () => {
    const out = apply('eksVersion: "1.30"\nregions:\n  - eu-west-1\n', 'regions', ['us-east-1', 'ap-south-1'])!;
    assert.deepEqual(parseConfig(out).options, { eksVersion: '1.30', regions: ['us-east-1', 'ap-south-1'] });
    assert.deepEqual(parseConfig(out).problems, []);
  });
});

describe('host-api: warmCache', () => {
  it('parses YAML documents into the shared cache so analyze() re-uses them', () => {
    const cache = new ChunkCache();
    warmCache({ path: 'k8s/web.yaml', text: DEPLOYMENTS }, cache, 2 * 1024 * 1024);
    assert.equal(cache.size, 2);
    analyze([{ path: 'k8s/web.yaml', text: DEPLOYMENTS }], { today: TODAY, cache });
    assert.equal(cache.size, 2);
  });
});
