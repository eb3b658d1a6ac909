import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { versionsCommand } from '../../../src/cli/commands/versions';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = versionsCommand(argv, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

interface VersionsJson {
  dataAsOf: string;
  today: string;
  versions: {
    version: string;
    upstreamRelease: string | null;
    eksRelease: string | null;
    endOfStandardSupport: string | null;
    endOfExtendedSupport: string | null;
    status: string;
    hourlyPriceUsd: number | null;
  }[];
}

// Runs from out/test/unit/cli/; the shared data sits beside the repo.
const repoRoot = path.resolve(__dirname, '../../../..');
const sharedEks = path.resolve(process.env.OFFLOAD_SHARED_DATA ?? path.join(repoRoot, '..', 'shared', 'data'), 'eks-versions.json');

describe('cli: offload versions', () => {
  it('--today 2026-11-25 --format json lists 1.10-1.36 with the expected statuses', () => {
    const { code, out, err } = run(['--today', '2026-11-25', '--format', 'json']);
    assert.equal(code, 0);
    assert.deepEqual(err, []);
    const json = JSON.parse(out.join('\n')) as VersionsJson;
    assert.equal(json.today, '2026-11-25');
    assert.match(json.dataAsOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(json.versions.map((v) => v.version), Array.from({ length: 27 }, (_, i) => `1.${10 + i}`));
    for (const v of json.versions) {
      const minor = Number(v.version.split('.')[1]);
      const expected = minor >= 34 ? 'standard' : minor >= 31 ? 'extended' : 'end-of-life';
      assert.equal(v.status, expected, v.version);
      assert.equal(v.hourlyPriceUsd, expected === 'standard' ? 0.1 : expected === 'extended' ? 0.6 : null, v.version);
    }
    assert.deepEqual(Object.keys(json.versions[0]), [
      'version', 'upstreamRelease', 'eksRelease', 'endOfStandardSupport', 'endOfExtendedSupport', 'status', 'hourlyPriceUsd',
    ]);
  });

  const haveData = existsSync(sharedEks);
  (haveData ? it : it.skip)(`dates match ../shared/data/eks-versions.json${haveData ? '' : ' (SKIPPED: not found)'}`, () => {
    const source = JSON.parse(readFileSync(sharedEks, 'utf8')) as Record<string, string | null>[];
    const json = JSON.parse(run(['--today=2026-11-25', '--format=json']).out.join('\n')) as VersionsJson;
    for (const row of source) {
      const v = json.versions.find((x) => x.version === row.version);
      assert.ok(v, row.version!);
      for (const key of ['upstreamRelease', 'eksRelease', 'endOfStandardSupport', 'endOfExtendedSupport'] as const) {
        assert.equal(v[key], row[key], `${row.version} ${key}`);
      }
    }
  });

  it('prints an aligned text table with a data-as-of line', () => {
    const { code, out } = run(['--today', '2026-11-25']);
    assert.equal(code, 0);
    assert.match(out[0], /^VERSION\s+EKS RELEASE\s+END OF STANDARD\s+END OF EXTENDED\s+STATUS\s+PRICE\/H$/);
    const statusColumn = out[0].indexOf('STATUS');
    const row131 = out.find((l) => l.startsWith('1.31 '))!;
    assert.equal(row131.indexOf('extended'), statusColumn);
    assert.match(row131, /\$0\.60$/);
    assert.match(out.find((l) => l.startsWith('1.10 '))!, /2019-07-22\s+-\s+end-of-life\s+-$/);
    assert.match(out.find((l) => l.startsWith('1.11 '))!, /^1\.11\s+\?\s/);
    assert.ok(out.some((l) => /data as of \d{4}-\d{2}-\d{2}/.test(l)));
    assert.ok(out.every((l) => l === l.trimEnd()));
  });

  it('defaults --today to the real date without failing', () => {
    const { code, out } = run(['--format', 'json']);
    assert.equal(code, 0);
    assert.match((JSON.parse(out.join('\n')) as VersionsJson).today, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('rejects bad usage with one line and exit code 2', () => {
    for (const argv of [['--today', '2026-02-30'], ['--today', 'yesterday'], ['--format', 'xml'], ['--bogus'], ['extra'], ['--today']]) {
      const { code, out, err } = run(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(err.length, 1, argv.join(' '));
      assert.deepEqual(out, []);
    }
  });
});
