import { strict as assert } from 'node:assert';
import {
  EKS_SUPPORT_POLICY,
  EKS_VERSIONS,
  compareEksVersions,
  eksSupportStatus,
  eksVersion,
  isIsoDate,
  latestEksVersion,
  normalizeEksVersion,
  supportedEksVersions,
} from '../../../src/engine/knowledge';

/** Date arithmetic for the tests only (the engine never needs it). */
function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = (y * 12 + (m - 1)) + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

describe('knowledge: EKS version calendar data', () => {
  it('lists 1.10 to 1.36 once each, oldest first, with no gaps', () => {
    const versions = EKS_VERSIONS.map((v) => v.version);
    assert.equal(new Set(versions).size, versions.length, 'duplicate versions');
    assert.equal(versions[0], '1.10');
    assert.equal(versions[versions.length - 1], '1.36');
    versions.forEach((v, i) => assert.equal(v, `1.${10 + i}`));
  });

  it('has real ISO dates, in order: upstream <= EKS release < end of standard <= end of extended', () => {
    for (const v of EKS_VERSIONS) {
      const dates = [v.upstreamRelease, v.eksRelease, v.endOfStandardSupport, v.endOfExtendedSupport];
      for (const d of dates) assert.ok(d === null || isIsoDate(d), `${v.version}: ${d}`);
      const known = dates.filter((d): d is string => d !== null);
      assert.deepEqual([...known].sort(), known, `${v.version}: dates out of order`);
      assert.ok(v.endOfStandardSupport !== null, `${v.version}: every version in the data has an end of standard support`);
    }
  });

  it('gives standard support about 14 months from the EKS release, from 1.23 on', () => {
    assert.equal(EKS_SUPPORT_POLICY.standardSupportMonths, 14);
    // The real calendar is never early and at most 16 days late: AWS moved 1.24's end
    // to 2024-01-31 (+16 days) and 1.25's to 2024-05-01 (+9 days). Every other
    // version from 1.23 on ends exactly 14 months after its release.
    const late: Record<string, number> = {};
    for (const v of EKS_VERSIONS.filter((r) => compareEksVersions(r.version, '1.23') >= 0)) {
      const expected = addMonths(v.eksRelease!, EKS_SUPPORT_POLICY.standardSupportMonths);
      const delta = daysFrom(expected, v.endOfStandardSupport!);
      assert.ok(delta >= 0 && delta <= 16, `${v.version}: end of standard ${v.endOfStandardSupport}, policy says ${expected}`);
      if (delta !== 0) late[v.version] = delta;
    }
    assert.deepEqual(late, { '1.24': 16, '1.25': 9 });
  });

  it('gives extended support exactly 12 months after standard ends, from 1.23 on', () => {
    for (const v of EKS_VERSIONS.filter((r) => compareEksVersions(r.version, '1.23') >= 0)) {
      assert.equal(v.extendedSupport, 'regular');
      assert.equal(v.extendedSupportStart, v.endOfStandardSupport);
      assert.equal(v.endOfExtendedSupport, addMonths(v.endOfStandardSupport!, EKS_SUPPORT_POLICY.extendedSupportMonths), v.version);
    }
  });

  it('records the exceptions the data notes describe: none before 1.21, retroactive for 1.21 and 1.22', () => {
    for (const v of EKS_VERSIONS.filter((r) => compareEksVersions(r.version, '1.21') < 0)) {
      assert.equal(v.extendedSupport, 'none', v.version);
      assert.equal(v.endOfExtendedSupport, null, v.version);
    }
    for (const version of ['1.21', '1.22']) {
      const v = eksVersion(version)!;
      assert.equal(v.extendedSupport, 'retroactive');
      assert.equal(v.extendedSupportStart, '2024-04-01');
      assert.match(v.notes ?? '', /retroactive|See 1\.21/);
    }
    assert.equal(eksVersion('1.11')!.eksRelease, null, '1.11 has no EKS release date in any source');
  });
});

describe('knowledge: eksSupportStatus', () => {
  it('matches the 2026-11-25 table: 1.34-1.36 standard, 1.31-1.33 extended, the rest end-of-life', () => {
    const table = Object.fromEntries(EKS_VERSIONS.map((v) => [v.version, eksSupportStatus(v.version, '2026-11-25').status]));
    for (const [version, status] of Object.entries(table)) {
      const minor = Number(version.split('.')[1]);
      const expected = minor >= 34 ? 'standard' : minor >= 31 ? 'extended' : 'end-of-life';
      assert.equal(status, expected, version);
    }
    assert.deepEqual(supportedEksVersions('2026-11-25').map((s) => s.version), ['1.31', '1.32', '1.33', '1.34', '1.35', '1.36']);
  });

  // The boundary rule: each date is the first day of the new state. Billing for
  // extended support starts at 00:00 UTC on the end-of-standard date, so that day is
  // already `extended`; on the end-of-extended date the cluster is auto-upgraded.
  it('flips status on each calendar date, for every version', () => {
    for (const v of EKS_VERSIONS) {
      const at = (day: string) => eksSupportStatus(v.version, day).status;
      if (v.eksRelease) {
        assert.equal(at(addDays(v.eksRelease, -1)), 'not-yet-released', `${v.version} day before release`);
        assert.equal(at(v.eksRelease), 'standard', `${v.version} release day`);
      }
      const eos = v.endOfStandardSupport!;
      if (v.eksRelease) assert.equal(at(addDays(eos, -1)), 'standard', `${v.version} day before end of standard`);
      if (v.extendedSupport === 'regular') {
        assert.equal(at(eos), 'extended', `${v.version} end-of-standard day`);
        assert.equal(at(addDays(v.endOfExtendedSupport!, -1)), 'extended', `${v.version} day before end of extended`);
        assert.equal(at(v.endOfExtendedSupport!), 'end-of-life', `${v.version} end-of-extended day`);
      } else if (v.extendedSupport === 'retroactive') {
        assert.equal(at(eos), 'end-of-life', `${v.version} unsupported until extended support was applied retroactively`);
        assert.equal(at('2024-03-31'), 'end-of-life');
        assert.equal(at('2024-04-01'), 'extended');
        assert.equal(at(addDays(v.endOfExtendedSupport!, -1)), 'extended');
        assert.equal(at(v.endOfExtendedSupport!), 'end-of-life');
      } else {
        assert.equal(at(eos), 'end-of-life', `${v.version} had no extended support`);
      }
    }
  });

  it('prices the control plane by the status that day, with no surcharge before 2024-04-01', () => {
    assert.equal(eksSupportStatus('1.34', '2026-11-25').hourlyPriceUsd, 0.1);
    assert.equal(eksSupportStatus('1.31', '2026-11-25').hourlyPriceUsd, 0.6);
    assert.equal(eksSupportStatus('1.30', '2026-11-25').hourlyPriceUsd, null);
    assert.equal(eksSupportStatus('1.37', '2026-11-25').hourlyPriceUsd, null);
    // 1.23 entered extended support on 2023-10-11, during the no-surcharge preview.
    const preview = eksSupportStatus('1.23', '2024-03-31');
    assert.equal(preview.status, 'extended');
    assert.equal(preview.hourlyPriceUsd, 0.1);
    assert.match(preview.note ?? '', /standard rate until 2024-04-01/);
    assert.equal(eksSupportStatus('1.23', '2024-04-01').hourlyPriceUsd, 0.6);
    assert.equal(eksSupportStatus('1.21', '2024-04-01').hourlyPriceUsd, 0.6);
  });

  it('says what changes next and how far away it is', () => {
    assert.deepEqual(eksSupportStatus('1.34', '2026-11-25').next, { status: 'extended', date: '2026-12-02', daysAway: 7 });
    assert.deepEqual(eksSupportStatus('1.31', '2026-11-25').next, { status: 'end-of-life', date: '2026-11-26', daysAway: 1 });
    assert.equal(eksSupportStatus('1.29', '2026-11-25').next, null);
    assert.deepEqual(eksSupportStatus('1.36', '2026-06-01').next, { status: 'standard', date: '2026-06-02', daysAway: 1 });
  });

  it('answers unknown input with status unknown and a note, never an exception', () => {
    const newer = eksSupportStatus('1.37', '2026-11-25');
    assert.equal(newer.status, 'unknown');
    assert.equal(newer.known, false);
    assert.match(newer.note ?? '', /newer than the newest version in the data \(1\.36\)/);
    assert.equal(eksSupportStatus('1.9', '2026-11-25').status, 'unknown');
    assert.equal(eksSupportStatus('banana', '2026-11-25').status, 'unknown');
    assert.equal(eksSupportStatus(undefined, '2026-11-25').version, 'undefined');
    const badDay = eksSupportStatus('1.31', 'tomorrow');
    assert.equal(badDay.status, 'unknown');
    assert.equal(badDay.known, true);
    assert.match(badDay.note ?? '', /not an ISO date/);
  });

  it('handles 1.11, whose EKS release date no source gives', () => {
    assert.equal(eksSupportStatus('1.11', '2018-01-01').status, 'not-yet-released');
    assert.equal(eksSupportStatus('1.11', '2019-01-01').status, 'unknown');
    assert.equal(eksSupportStatus('1.11', '2019-11-04').status, 'end-of-life');
  });
});

describe('knowledge: EKS version lookups', () => {
  it('reads the spellings manifests use', () => {
    assert.equal(normalizeEksVersion('1.30'), '1.30');
    assert.equal(normalizeEksVersion(' v1.31 '), '1.31');
    assert.equal(normalizeEksVersion('1.30.2-eks-1234'), '1.30');
    assert.equal(normalizeEksVersion(1.29), '1.29');
    // `version: 1.30` in YAML is the float 1.3.
    assert.equal(normalizeEksVersion(1.3), '1.30');
    assert.equal(normalizeEksVersion(1.1), '1.10');
    assert.equal(normalizeEksVersion('latest'), undefined);
    assert.equal(normalizeEksVersion(2), undefined);
    assert.equal(normalizeEksVersion(null), undefined);
    assert.equal(eksVersion(1.3)?.eksRelease, '2024-05-23');
    assert.equal(eksVersion('1.99'), undefined);
  });

  it('finds the newest released version on a day', () => {
    assert.equal(latestEksVersion('2026-11-25')?.version, '1.36');
    assert.equal(latestEksVersion('2026-06-01')?.version, '1.35');
    assert.equal(latestEksVersion('2026-06-02')?.version, '1.36');
    assert.equal(latestEksVersion('2018-06-05')?.version, '1.10');
    assert.equal(latestEksVersion('2018-06-04'), undefined);
    assert.equal(latestEksVersion('not a date'), undefined);
  });

  it('validates ISO days, leap years included', () => {
    assert.ok(isIsoDate('2024-02-29'));
    assert.ok(!isIsoDate('2026-02-29'));
    assert.ok(!isIsoDate('2026-13-01'));
    assert.ok(!isIsoDate('2026-1-01'));
    assert.ok(!isIsoDate(20261125));
  });
});
