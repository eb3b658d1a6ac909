import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  KUBERNETES_APIS_AS_OF,
  KUBERNETES_APIS_SOURCES,
  apiStatusAt,
  compareK8sVersions,
  deprecatedAt,
  fieldLifecycle,
  fieldStatusAt,
  fieldsForKind,
  kubernetesApi,
  kubernetesApis,
  kubernetesFields,
  latestReplacement,
  normalizeK8sVersion,
  parseK8sVersion,
  removedBetween,
  removedIn,
} from '../../../src/engine/knowledge/kubernetes-api-query';
import type { KubernetesApiRow } from '../../../src/engine/knowledge/kubernetes-api-query';

const gvk = (r: { apiVersion: string; kind: string }): string => `${r.apiVersion} ${r.kind}`;

function row(apiVersion: string, kind: string): KubernetesApiRow {
  const found = kubernetesApi(apiVersion, kind).row;
  assert.ok(found, `no row for ${apiVersion} ${kind}`);
  return found;
}

const le = (a: string, b: string): boolean => compareK8sVersions(a, b) <= 0;
const lt = (a: string, b: string): boolean => compareK8sVersions(a, b) < 0;

describe('knowledge: Kubernetes API lifecycle table', () => {
  describe('table invariants', () => {
    it('has rows, a research date and sources', () => {
      assert.ok(kubernetesApis.length >= 50, `only ${kubernetesApis.length} rows`);
      assert.match(KUBERNETES_APIS_AS_OF, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(KUBERNETES_APIS_SOURCES.length > 0);
    });

    it('has no duplicate group/version/kind, even ignoring case', () => {
      const seen = new Set<string>();
      for (const r of kubernetesApis) {
        const k = gvk(r).toLowerCase();
        assert.ok(!seen.has(k), `duplicate ${gvk(r)}`);
        seen.add(k);
      }
    });

    it('splits apiVersion into group and version consistently', () => {
      for (const r of kubernetesApis) {
        assert.equal(r.apiVersion, r.group ? `${r.group}/${r.version}` : r.version, gvk(r));
      }
    });

    it('writes every release as 1.N within 1.0..1.36', () => {
      for (const r of kubernetesApis) {
        for (const v of [r.introducedIn, r.deprecatedIn, r.removedIn, r.replacementAvailableIn]) {
          if (v === null) continue;
          assert.match(v, /^1\.\d{1,2}$/, `${gvk(r)}: ${v}`);
          assert.ok(le(v, '1.36'), `${gvk(r)}: ${v} is after 1.36`);
        }
      }
    });

    it('orders introduced <= deprecated < removed', () => {
      for (const r of kubernetesApis) {
        if (r.introducedIn && r.deprecatedIn) assert.ok(le(r.introducedIn, r.deprecatedIn), gvk(r));
        if (r.introducedIn && r.removedIn) assert.ok(lt(r.introducedIn, r.removedIn), gvk(r));
        if (r.deprecatedIn && r.removedIn) assert.ok(lt(r.deprecatedIn, r.removedIn), gvk(r));
        assert.ok(r.deprecatedIn || r.removedIn, `${gvk(r)} is neither deprecated nor removed`);
      }
    });

    it('never names a replacement that goes before (or with) the original', () => {
      for (const r of kubernetesApis) {
        if (!r.replacement) continue;
        const next = kubernetesApi(r.replacement.apiVersion, r.replacement.kind);
        assert.ok(next.known, `${gvk(r)}: replacement ${gvk(r.replacement)} is unknown`);
        if (!next.removedIn) continue;
        assert.ok(r.removedIn, `${gvk(r)} is still served but its replacement ${gvk(r.replacement)} is removed`);
        assert.ok(lt(r.removedIn, next.removedIn), `${gvk(r)} (${r.removedIn}) -> ${gvk(r.replacement)} (${next.removedIn})`);
      }
    });

    it('has the replacement available before the original is removed', () => {
      for (const r of kubernetesApis) {
        if (r.replacementAvailableIn && r.removedIn) assert.ok(lt(r.replacementAvailableIn, r.removedIn), gvk(r));
      }
    });

    it('ends every replacement chain at a kind that is still served', () => {
      for (const r of kubernetesApis) {
        const last = latestReplacement(r.apiVersion, r.kind);
        if (r.migration === 'no-replacement') {
          assert.equal(last, null, gvk(r));
          continue;
        }
        assert.ok(last, `${gvk(r)} has no final replacement`);
        // The one honest dead end: extensions/v1beta1 PSP -> policy/v1beta1 PSP, which nothing replaced.
        if (kubernetesApi(last.apiVersion, last.kind).migration === 'no-replacement') continue;
        assert.equal(apiStatusAt(last.apiVersion, last.kind, '1.36').status, 'served', `${gvk(r)} -> ${gvk(last)}`);
      }
    });

    it('keeps migration, replacement and changes consistent', () => {
      for (const r of kubernetesApis) {
        assert.equal(r.replacement === null, r.migration === 'no-replacement', gvk(r));
        if (r.migration === 'field-changes') assert.ok(r.changes.length > 0, `${gvk(r)}: field-changes without changes`);
        if (r.migration === 'mechanical') assert.deepEqual(r.changes, [], `${gvk(r)}: mechanical with changes`);
      }
    });

    it('gives every row a source', () => {
      for (const r of kubernetesApis) {
        assert.ok(r.source.trim().length > 0, `${gvk(r)} has no source`);
        assert.ok(Array.isArray(r.evidence), gvk(r));
      }
    });

    it('marks alpha rows by their version name', () => {
      for (const r of kubernetesApis) assert.equal(r.stability === 'alpha', /alpha/.test(r.version), gvk(r));
    });
  });

  describe('well-known facts (checked against the migration guide)', () => {
    it('extensions/v1beta1 Deployment: removed 1.16, apps/v1, needs spec.selector', () => {
      const r = row('extensions/v1beta1', 'Deployment');
      assert.equal(r.deprecatedIn, '1.8');
      assert.equal(r.removedIn, '1.16');
      assert.deepEqual(r.replacement, { apiVersion: 'apps/v1', kind: 'Deployment' });
      assert.equal(r.migration, 'field-changes');
      assert.ok(r.changes.some((c) => c.includes('spec.selector')));
    });

    it('the other 1.16 workload removals', () => {
      for (const [apiVersion, kind] of [
        ['extensions/v1beta1', 'DaemonSet'], ['extensions/v1beta1', 'ReplicaSet'], ['extensions/v1beta1', 'NetworkPolicy'],
        ['extensions/v1beta1', 'PodSecurityPolicy'], ['apps/v1beta1', 'Deployment'], ['apps/v1beta1', 'StatefulSet'],
        ['apps/v1beta2', 'Deployment'], ['apps/v1beta2', 'StatefulSet'], ['apps/v1beta2', 'DaemonSet'], ['apps/v1beta2', 'ReplicaSet'],
      ]) {
        assert.equal(row(apiVersion, kind).removedIn, '1.16', `${apiVersion} ${kind}`);
      }
      assert.deepEqual(row('extensions/v1beta1', 'NetworkPolicy').replacement, { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' });
      assert.deepEqual(row('extensions/v1beta1', 'PodSecurityPolicy').replacement, { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy' });
      // apps/v1beta2 already had apps/v1's defaults and a required selector.
      assert.equal(row('apps/v1beta2', 'Deployment').migration, 'mechanical');
      assert.equal(row('apps/v1beta1', 'StatefulSet').migration, 'field-changes');
    });

    it('1.22: Ingress, CRD, webhooks, RBAC v1beta1', () => {
      const ing = row('networking.k8s.io/v1beta1', 'Ingress');
      assert.equal(ing.deprecatedIn, '1.19');
      assert.equal(ing.removedIn, '1.22');
      assert.equal(ing.migration, 'field-changes');
      assert.equal(row('extensions/v1beta1', 'Ingress').removedIn, '1.22');
      assert.equal(row('extensions/v1beta1', 'Ingress').deprecatedIn, '1.14');
      assert.equal(row('networking.k8s.io/v1beta1', 'IngressClass').removedIn, '1.22');
      const crd = row('apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition');
      assert.equal(crd.deprecatedIn, '1.16');
      assert.equal(crd.removedIn, '1.22');
      assert.equal(row('admissionregistration.k8s.io/v1beta1', 'ValidatingWebhookConfiguration').removedIn, '1.22');
      for (const kind of ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']) {
        const r = row('rbac.authorization.k8s.io/v1beta1', kind);
        assert.equal(r.deprecatedIn, '1.17');
        assert.equal(r.removedIn, '1.22');
        assert.equal(r.migration, 'mechanical');
      }
      assert.equal(row('storage.k8s.io/v1beta1', 'StorageClass').deprecatedIn, '1.19');
      assert.equal(row('scheduling.k8s.io/v1beta1', 'PriorityClass').removedIn, '1.22');
    });

    it('1.25: CronJob, PDB, PSP with no replacement, EndpointSlice, Event, HPA v2beta1, RuntimeClass', () => {
      const cj = row('batch/v1beta1', 'CronJob');
      assert.equal(cj.deprecatedIn, '1.21');
      assert.equal(cj.removedIn, '1.25');
      assert.deepEqual(cj.replacement, { apiVersion: 'batch/v1', kind: 'CronJob' });
      const psp = row('policy/v1beta1', 'PodSecurityPolicy');
      assert.equal(psp.removedIn, '1.25');
      assert.equal(psp.replacement, null);
      assert.equal(psp.migration, 'no-replacement');
      assert.equal(row('policy/v1beta1', 'PodDisruptionBudget').deprecatedIn, '1.21');
      assert.equal(row('policy/v1beta1', 'PodDisruptionBudget').removedIn, '1.25');
      assert.equal(row('discovery.k8s.io/v1beta1', 'EndpointSlice').removedIn, '1.25');
      assert.equal(row('events.k8s.io/v1beta1', 'Event').deprecatedIn, '1.22');
      assert.equal(row('autoscaling/v2beta1', 'HorizontalPodAutoscaler').removedIn, '1.25');
      assert.equal(row('node.k8s.io/v1beta1', 'RuntimeClass').removedIn, '1.25');
    });

    it('1.26, 1.27, 1.29, 1.32', () => {
      const hpa = row('autoscaling/v2beta2', 'HorizontalPodAutoscaler');
      assert.equal(hpa.deprecatedIn, '1.23');
      assert.equal(hpa.removedIn, '1.26');
      assert.deepEqual(hpa.replacement, { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' });
      assert.equal(row('flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema').removedIn, '1.26');
      assert.equal(row('storage.k8s.io/v1beta1', 'CSIStorageCapacity').removedIn, '1.27');
      assert.equal(row('flowcontrol.apiserver.k8s.io/v1beta2', 'PriorityLevelConfiguration').removedIn, '1.29');
      for (const kind of ['FlowSchema', 'PriorityLevelConfiguration']) {
        const r = row('flowcontrol.apiserver.k8s.io/v1beta3', kind);
        assert.equal(r.deprecatedIn, '1.29');
        assert.equal(r.removedIn, '1.32');
        assert.deepEqual(r.replacement, { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', kind });
      }
    });

    it('alpha RBAC and scheduling went in 1.23 (release notes), not earlier', () => {
      assert.equal(row('rbac.authorization.k8s.io/v1alpha1', 'Role').removedIn, '1.23');
      assert.equal(row('scheduling.k8s.io/v1alpha1', 'PriorityClass').removedIn, '1.23');
      assert.equal(row('rbac.authorization.k8s.io/v1alpha1', 'Role').stability, 'alpha');
    });

    it('GA kinds deprecated but still served: v1 Endpoints and ComponentStatus', () => {
      const ep = row('v1', 'Endpoints');
      assert.equal(ep.group, '');
      assert.equal(ep.deprecatedIn, '1.33');
      assert.equal(ep.removedIn, null);
      assert.equal(apiStatusAt('v1', 'Endpoints', '1.36').status, 'deprecated');
      assert.equal(apiStatusAt('v1', 'Endpoints', '1.32').status, 'served');
      assert.equal(row('v1', 'ComponentStatus').migration, 'no-replacement');
    });
  });

  describe('apiStatusAt', () => {
    it('reads both sides of each boundary', () => {
      const at = (v: string) => apiStatusAt('extensions/v1beta1', 'Deployment', v).status;
      assert.equal(at('1.7'), 'served');
      assert.equal(at('1.8'), 'deprecated');
      assert.equal(at('1.15'), 'deprecated');
      assert.equal(at('v1.15.12'), 'deprecated');
      assert.equal(at('1.16'), 'removed');
      assert.equal(at('1.16.0'), 'removed');
      assert.equal(at('1.30'), 'removed');
      const cj = (v: string) => apiStatusAt('batch/v1beta1', 'CronJob', v).status;
      assert.deepEqual(['1.20', '1.21', '1.24', '1.25'].map(cj), ['served', 'deprecated', 'deprecated', 'removed']);
      const fs = (v: string) => apiStatusAt('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', v).status;
      assert.deepEqual(['1.25', '1.26', '1.28', '1.29', '1.31', '1.32'].map(fs), ['unknown', 'served', 'served', 'deprecated', 'deprecated', 'removed']);
    });

    it('compares minors numerically, not as strings', () => {
      // extensions/v1beta1 NetworkPolicy is deprecated in 1.9; '1.10' < '1.9' as strings.
      assert.equal(apiStatusAt('extensions/v1beta1', 'NetworkPolicy', '1.10').status, 'deprecated');
      assert.equal(apiStatusAt('extensions/v1beta1', 'NetworkPolicy', '1.8').status, 'served');
    });

    it('returns the row and the replacement to move to', () => {
      const s = apiStatusAt('extensions/v1beta1', 'Deployment', '1.29');
      assert.equal(s.status, 'removed');
      assert.equal(s.row?.apiVersion, 'extensions/v1beta1');
      assert.deepEqual(s.replacement, { apiVersion: 'apps/v1', kind: 'Deployment' });
      assert.equal(apiStatusAt('policy/v1beta1', 'PodSecurityPolicy', '1.25').replacement, undefined);
      assert.equal(apiStatusAt('batch/v1beta1', 'CronJob', '1.20').replacement, undefined);
      // extensions/v1beta1 PSP moved to policy/v1beta1, which later went with no successor.
      const psp = apiStatusAt('extensions/v1beta1', 'PodSecurityPolicy', '1.25');
      assert.deepEqual(psp.replacement, { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy' });
      assert.match(psp.note ?? '', /not served at 1\.25 either/);
      assert.equal(apiStatusAt('extensions/v1beta1', 'PodSecurityPolicy', '1.20').note, undefined);
    });

    it('follows the replacement chain to what the target serves', () => {
      const at = (v: string) => apiStatusAt('flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', v).replacement?.apiVersion;
      assert.equal(at('1.24'), 'flowcontrol.apiserver.k8s.io/v1beta2');
      assert.equal(at('1.27'), 'flowcontrol.apiserver.k8s.io/v1beta3');
      assert.equal(at('1.32'), 'flowcontrol.apiserver.k8s.io/v1');
      assert.deepEqual(latestReplacement('flowcontrol.apiserver.k8s.io/v1beta1', 'PriorityLevelConfiguration'),
        { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', kind: 'PriorityLevelConfiguration' });
    });

    it('knows replacement kinds as served from when the guide says they are available', () => {
      assert.equal(apiStatusAt('apps/v1', 'Deployment', '1.30').status, 'served');
      assert.equal(apiStatusAt('apps/v1', 'Deployment', '1.9').status, 'served');
      assert.equal(apiStatusAt('apps/v1', 'Deployment', '1.8').status, 'unknown');
      assert.equal(apiStatusAt('networking.k8s.io/v1', 'Ingress', '1.18').status, 'unknown');
      assert.equal(apiStatusAt('networking.k8s.io/v1', 'Ingress', '1.19').status, 'served');
      assert.equal(kubernetesApi('apps/v1', 'Deployment').known, true);
      assert.equal(kubernetesApi('apps/v1', 'Deployment').row, null);
    });

    it('says unknown for custom resources, unlisted kinds and unreadable versions', () => {
      assert.equal(apiStatusAt('cert-manager.io/v1', 'Certificate', '1.30').status, 'unknown');
      assert.equal(apiStatusAt('apps/v1', 'Widget', '1.30').status, 'unknown');
      assert.equal(apiStatusAt('extensions/v1beta1', 'Deployment', 'latest').status, 'unknown');
      assert.equal(apiStatusAt('extensions/v1beta1', 'Deployment', 1.16).status, 'unknown');
      assert.equal(apiStatusAt('extensions/v1beta1', 'Deployment', undefined).status, 'unknown');
    });

    it('flags alpha versions as opt-in', () => {
      assert.match(apiStatusAt('rbac.authorization.k8s.io/v1alpha1', 'Role', '1.20').note ?? '', /alpha/);
    });
  });

  describe('lists by version', () => {
    it('removedIn(target) holds exactly the rows not served at the target', () => {
      assert.deepEqual(removedIn('1.15'), []);
      const at116 = removedIn('1.16').map(gvk);
      assert.ok(at116.includes('extensions/v1beta1 Deployment'));
      assert.ok(!at116.includes('extensions/v1beta1 Ingress'));
      const at122 = removedIn('v1.22.3').map(gvk);
      assert.ok(at122.includes('extensions/v1beta1 Ingress'));
      assert.ok(at122.includes('extensions/v1beta1 Deployment'));
      assert.ok(!at122.includes('batch/v1beta1 CronJob'));
      for (const v of ['1.16', '1.22', '1.25', '1.32', '1.36']) {
        for (const r of removedIn(v)) assert.equal(apiStatusAt(r.apiVersion, r.kind, v).status, 'removed', `${gvk(r)} at ${v}`);
        const removedCount = kubernetesApis.filter((r) => apiStatusAt(r.apiVersion, r.kind, v).status === 'removed').length;
        assert.equal(removedIn(v).length, removedCount, v);
      }
      assert.deepEqual(removedIn('soon'), []);
      assert.deepEqual(removedIn(null), []);
    });

    it('deprecatedAt(target) holds the rows served with a warning', () => {
      const at121 = deprecatedAt('1.21').map(gvk);
      assert.ok(at121.includes('batch/v1beta1 CronJob'));
      assert.ok(at121.includes('policy/v1beta1 PodDisruptionBudget'));
      assert.ok(!at121.includes('extensions/v1beta1 Deployment'));
      assert.ok(!deprecatedAt('1.20').map(gvk).includes('batch/v1beta1 CronJob'));
    });

    it('removedBetween(from, to) holds what an upgrade stops serving', () => {
      const up = removedBetween('1.24', '1.26').map(gvk);
      assert.ok(up.includes('batch/v1beta1 CronJob'));
      assert.ok(up.includes('autoscaling/v2beta2 HorizontalPodAutoscaler'));
      assert.ok(up.includes('flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema'));
      assert.ok(!up.includes('networking.k8s.io/v1beta1 Ingress'));
      assert.ok(!up.includes('flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema'));
      assert.deepEqual(removedBetween('1.30', '1.30'), []);
      assert.deepEqual(removedBetween('x', '1.30'), []);
    });
  });

  describe('kubernetesApi: odd input', () => {
    it('never throws and says unknown for non-strings and empty strings', () => {
      const odd: unknown[] = [undefined, null, 0, 42, NaN, {}, [], true, '', '   ', '/', '//', 'a/b/c', Symbol.iterator.toString(), '\u0000'];
      for (const a of odd) {
        for (const b of odd) {
          const r = kubernetesApi(a, b);
          assert.equal(r.known, false, `${String(a)} ${String(b)}`);
          assert.equal(apiStatusAt(a, b, '1.30').status, 'unknown');
          assert.doesNotThrow(() => fieldLifecycle(a, b, a));
          assert.doesNotThrow(() => fieldStatusAt(a, b, a));
        }
      }
      assert.doesNotThrow(() => kubernetesApi(Object.create(null), Object.create(null)));
    });

    it('reads extra spaces and odd case', () => {
      const r = kubernetesApi('  apps / v1beta1 ', ' Deployment ');
      assert.equal(r.known, true);
      assert.equal(r.apiVersion, 'apps/v1beta1');
      assert.equal(r.group, 'apps');
      assert.equal(r.version, 'v1beta1');
      const c = kubernetesApi('Extensions/V1Beta1', 'deployment');
      assert.equal(c.known, true);
      assert.equal(c.kind, 'Deployment');
      assert.equal(c.servedUntil, '1.15');
    });

    it('tells custom resources from built-in groups', () => {
      const cr = kubernetesApi('cert-manager.io/v1', 'Certificate');
      assert.equal(cr.known, false);
      assert.equal(cr.builtInGroup, false);
      assert.equal(kubernetesApi('apps/v1', 'Widget').builtInGroup, true);
      assert.equal(kubernetesApi('v1', 'Pod').builtInGroup, true);
    });

    it('is plain, JSON-serialisable data', () => {
      const r = kubernetesApi('batch/v1beta1', 'CronJob');
      assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
      const s = apiStatusAt('batch/v1beta1', 'CronJob', '1.25');
      assert.deepEqual(JSON.parse(JSON.stringify(s)), s);
    });
  });

  describe('compareK8sVersions', () => {
    it('orders minors numerically', () => {
      assert.ok(compareK8sVersions('1.9', '1.10') < 0);
      assert.ok(compareK8sVersions('1.10', '1.9') > 0);
      assert.equal(compareK8sVersions('v1.10', '1.10'), 0);
      assert.equal(compareK8sVersions('1.16', '1.16.0'), 0);
      assert.ok(compareK8sVersions('1.16', '1.16.1') < 0);
      assert.equal(compareK8sVersions('1.29.0-eks-1234', 'v1.29.0'), 0);
      assert.ok(compareK8sVersions('1.36', '2.0') < 0);
    });

    it('puts non-versions last and stays a total order', () => {
      assert.ok(compareK8sVersions('1.30', 'latest') < 0);
      assert.ok(compareK8sVersions('latest', '1.30') > 0);
      assert.equal(compareK8sVersions('x', 'x'), 0);
      const sorted = ['1.10', 'zzz', '1.9', 'v1.2', 'aaa', '1.16.3', '1.16'].sort(compareK8sVersions);
      assert.deepEqual(sorted, ['v1.2', '1.9', '1.10', '1.16', '1.16.3', 'aaa', 'zzz']);
    });

    it('parses and normalises, refusing numbers', () => {
      assert.deepEqual(parseK8sVersion(' v1.29.3 '), { major: 1, minor: 29, patch: 3 });
      assert.deepEqual(parseK8sVersion('1.9'), { major: 1, minor: 9, patch: null });
      assert.equal(parseK8sVersion(1.3), null);
      assert.equal(parseK8sVersion('1'), null);
      assert.equal(parseK8sVersion('1.x'), null);
      assert.equal(normalizeK8sVersion('v1.29.0-eks-1'), '1.29');
      assert.equal(normalizeK8sVersion({}), null);
    });
  });

  describe('fields, annotations and labels', () => {
    it('keeps each row consistent and sourced', () => {
      const seen = new Set<string>();
      for (const f of kubernetesFields) {
        const k = `${f.type} ${f.path} ${(f.apiVersions ?? []).join(',')}`;
        assert.ok(!seen.has(k), `duplicate ${k}`);
        seen.add(k);
        assert.ok(f.source.trim().length > 0, `${f.path} has no source`);
        for (const v of [f.deprecatedIn, f.ineffectiveFrom, f.removedIn]) if (v !== null) assert.match(v, /^1\.\d{1,2}$/, f.path);
        if (f.deprecatedIn && f.ineffectiveFrom) assert.ok(lt(f.deprecatedIn, f.ineffectiveFrom), f.path);
        if (f.deprecatedIn && f.removedIn) assert.ok(lt(f.deprecatedIn, f.removedIn), f.path);
        if (f.prefix) assert.ok(f.path.startsWith(f.prefix), f.path);
        if (f.apiVersions) {
          // A field that only some API versions had goes when the last of them goes.
          const removals = f.apiVersions.map((av) => f.appliesTo.map((kind) => kubernetesApi(av, kind).removedIn));
          for (const list of removals) for (const r of list) assert.ok(r && f.removedIn && le(r, f.removedIn), f.path);
        }
      }
    });

    it('spec.serviceAccount is a deprecated alias, still accepted', () => {
      const s = fieldStatusAt('spec.serviceAccount', 'Pod', '1.36');
      assert.equal(s.status, 'deprecated');
      assert.equal(s.row?.removedIn, null);
      assert.equal(s.replacement, 'spec.serviceAccountName');
      assert.equal(fieldLifecycle('spec.template.spec.serviceAccount', 'Deployment').known, true);
      assert.equal(fieldLifecycle('spec.serviceAccount', 'Service').known, false);
    });

    it('seccomp annotations: deprecated 1.19, non-functional from 1.27', () => {
      const at = (v: string) => fieldStatusAt('seccomp.security.alpha.kubernetes.io/pod', 'Pod', v).status;
      assert.deepEqual(['1.18', '1.19', '1.26', '1.27'].map(at), ['ok', 'deprecated', 'deprecated', 'ineffective']);
      const c = fieldLifecycle('container.seccomp.security.alpha.kubernetes.io/nginx', 'Deployment');
      assert.equal(c.known, true);
      assert.equal(c.row?.ineffectiveFrom, '1.27');
      assert.equal(fieldLifecycle('container.seccomp.security.alpha.kubernetes.io/', 'Pod').known, false);
      assert.equal(fieldLifecycle('spec.template.metadata.annotations.seccomp.security.alpha.kubernetes.io/pod', 'Deployment').known, true);
    });

    it('AppArmor, critical-pod, ingress.class, loadBalancerIP', () => {
      const aa = (v: string) => fieldStatusAt('container.apparmor.security.beta.kubernetes.io/app', 'Pod', v).status;
      assert.deepEqual(['1.29', '1.30', '1.36'].map(aa), ['ok', 'deprecated', 'deprecated']);
      assert.equal(fieldStatusAt('scheduler.alpha.kubernetes.io/critical-pod', 'DaemonSet', '1.15').status, 'deprecated');
      assert.equal(fieldStatusAt('scheduler.alpha.kubernetes.io/critical-pod', 'DaemonSet', '1.16').status, 'ineffective');
      assert.equal(fieldStatusAt('kubernetes.io/ingress.class', 'Ingress', '1.17').status, 'ok');
      assert.equal(fieldStatusAt('kubernetes.io/ingress.class', 'Ingress', '1.18').status, 'deprecated');
      assert.equal(fieldStatusAt('kubernetes.io/ingress.class', 'Deployment', '1.18').status, 'unknown');
      assert.equal(fieldStatusAt('spec.loadBalancerIP', 'Service', '1.23').status, 'ok');
      assert.equal(fieldStatusAt('spec.loadBalancerIP', 'Service', '1.24').status, 'deprecated');
    });

    it('node labels and volume plugins, found through templates', () => {
      assert.equal(fieldStatusAt('spec.template.spec.nodeSelector.beta.kubernetes.io/os', 'Deployment', '1.14').status, 'deprecated');
      assert.equal(fieldStatusAt('failure-domain.beta.kubernetes.io/zone', 'Pod', '1.16').status, 'ok');
      assert.equal(fieldStatusAt('failure-domain.beta.kubernetes.io/zone', 'Pod', '1.17').status, 'deprecated');
      const rbd = (v: string) => fieldStatusAt('spec.jobTemplate.spec.template.spec.volumes[3].rbd', 'CronJob', v).status;
      assert.deepEqual(['1.27', '1.28', '1.31'].map(rbd), ['ok', 'deprecated', 'ineffective']);
    });

    it('fields that went with their API version only match those versions', () => {
      assert.equal(fieldStatusAt('spec.backend', 'Ingress', '1.22', 'networking.k8s.io/v1beta1').status, 'removed');
      assert.equal(fieldLifecycle('spec.backend', 'Ingress', 'networking.k8s.io/v1').known, false);
      assert.equal(fieldStatusAt('spec.rules[0].http.paths[1].backend.serviceName', 'Ingress', '1.21').status, 'deprecated');
      assert.equal(fieldStatusAt('spec.rollbackTo', 'Deployment', '1.16', 'apps/v1beta1').status, 'removed');
    });

    it('fieldsForKind lists what can appear on a kind', () => {
      const svc = fieldsForKind('Service').map((f) => f.path);
      assert.ok(svc.includes('spec.loadBalancerIP'));
      assert.ok(svc.includes('app.kubernetes.io/created-by'));
      assert.ok(!svc.includes('spec.serviceAccount'));
      assert.deepEqual(fieldsForKind(undefined), []);
    });
  });

  describe('generated module', () => {
    // tsc compiles `import()` to `require()` under CommonJS, which cannot load an ES
    // module script; a Function keeps the native dynamic import.
    const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{ generate(): string }>;
    const repoRoot = path.resolve(__dirname, '../../../..');
    const script = path.join(repoRoot, 'scripts', 'knowledge', 'kubernetes-apis.mjs');

    it('matches what scripts/knowledge/kubernetes-apis.mjs generates, deterministically', async () => {
      assert.ok(existsSync(script), `not found: ${script}`);
      const { generate } = await importEsm(pathToFileURL(script).href);
      const text = generate();
      assert.equal(generate(), text, 'generate() is not deterministic');
      const committed = readFileSync(path.join(repoRoot, 'src', 'engine', 'knowledge', 'kubernetes-apis.ts'), 'utf8');
      assert.ok(committed === text, 'src/engine/knowledge/kubernetes-apis.ts is stale; run `node scripts/knowledge/kubernetes-apis.mjs --write`');
    });
  });
});
