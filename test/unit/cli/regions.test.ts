import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { regionsCommand } from '../../../src/cli/commands/regions';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = regionsCommand(argv, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

interface RegionsJson {
  dataAsOf: string;
  regions: Record<string, unknown>[];
}

const repoRoot = path.resolve(__dirname, '../../../..');
const sharedRegions = path.resolve(process.env.OFFLOAD_SHARED_DATA ?? path.join(repoRoot, '..', 'shared', 'data'), 'aws-regions.json');

describe('cli: offload regions', () => {
  it('--format json lists every region with unknowns as null, not false', () => {
    const { code, out, err } = run(['--format', 'json']);
    assert.equal(code, 0);
    assert.deepEqual(err, []);
    const json = JSON.parse(out.join('\n')) as RegionsJson;
    assert.match(json.dataAsOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(json.regions.length, 46);
    const byCode = new Map(json.regions.map((r) => [r.code as string, r]));
    assert.equal(byCode.get('ap-east-2')!.fargateEcs, null);
    assert.equal(byCode.get('eusc-de-east-1')!.fargateEks, null);
    assert.equal(byCode.get('us-iso-east-1')!.fargateEcsWindows, null);
    assert.equal(byCode.get('us-gov-east-1')!.fargateEks, false);
    assert.equal(byCode.get('cn-north-1')!.group, 'china-and-govcloud');
    assert.equal(byCode.get('us-isof-south-1')!.group, 'isolated-and-sovereign');
  });

  const haveData = existsSync(sharedRegions);
  (haveData ? it : it.skip)(`lists exactly the regions of ../shared/data/aws-regions.json${haveData ? '' : ' (SKIPPED: not found)'}`, () => {
    const source = JSON.parse(readFileSync(sharedRegions, 'utf8')) as Record<string, { code: string; [k: string]: unknown }[]>;
    const sourceRows = [...source.commercial, ...source.chinaAndGovCloud, ...source.isolatedAndSovereign];
    const json = JSON.parse(run(['--format=json']).out.join('\n')) as RegionsJson;
    assert.deepEqual(json.regions.map((r) => r.code), sourceRows.map((r) => r.code));
    for (const row of sourceRows) {
      const r = json.regions.find((x) => x.code === row.code)!;
      for (const key of ['ecs', 'eks', 'fargateEcs', 'fargateEcsWindows', 'fargateEks', 'optInRequired']) {
        // A field the source leaves out is unknown: null, never false.
        assert.equal(r[key], key in row ? row[key] : null, `${row.code} ${key}`);
      }
    }
  });

  it('prints grouped, aligned text with ? for unknown', () => {
    const { code, out } = run([]);
    assert.equal(code, 0);
    assert.ok(out.some((l) => l.startsWith('Commercial regions (34)')));
    assert.ok(out.some((l) => l.startsWith('China and AWS GovCloud')));
    assert.ok(out.some((l) => l.startsWith('Isolated and sovereign regions (8)')));
    const taipei = out.find((l) => l.startsWith('ap-east-2 '))!;
    assert.match(taipei, /yes\s+yes\s+\?\s+\?\s+\?$/);
    const govEast = out.find((l) => l.startsWith('us-gov-east-1 '))!;
    assert.match(govEast, /\?\s+yes\s+yes\s+yes\s+no\s+no$/);
    assert.ok(out.some((l) => /as of \d{4}-\d{2}-\d{2}/.test(l)));
  });

  it('rejects bad usage with one line and exit code 2', () => {
    for (const argv of [['--format', 'yaml'], ['--today', '2026-11-25'], ['us-east-1']]) {
      const { code, err } = run(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(err.length, 1);
    }
  });
});
