import { strict as assert } from 'node:assert';
import { PLATFORMS } from '../../../src/engine/types';
import { REGIONS, allRegions, editDistance, region, regionSupports, regionsSupporting } from '../../../src/engine/knowledge';

describe('knowledge: regions data', () => {
  it('holds every group of ../shared/data: 34 commercial, 4 China/GovCloud, 8 isolated/sovereign', () => {
    const count = (group: string) => REGIONS.filter((r) => r.group === group).length;
    assert.equal(count('commercial'), 34);
    assert.equal(count('china-and-govcloud'), 4);
    assert.equal(count('isolated-and-sovereign'), 8);
    assert.equal(allRegions().length, 46);
    const codes = REGIONS.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length, 'duplicate region codes');
  });

  it('keeps unknown (null) apart from unsupported (false)', () => {
    const taipei = region('ap-east-2');
    assert.ok(taipei.known);
    assert.equal(taipei.fargateEcs, null);
    assert.equal(taipei.fargateEks, null);
    const gov = region('us-gov-west-1');
    assert.ok(gov.known);
    assert.equal(gov.fargateEks, false);
    assert.equal(gov.optInRequired, null, 'opt-in does not apply outside the commercial partition');
    // Isolated regions carry no Windows column at all: that is unknown, not "no".
    const iso = region('us-iso-east-1');
    assert.ok(iso.known);
    assert.equal(iso.fargateEcsWindows, null);
  });
});

describe('knowledge: region()', () => {
  it('finds known codes regardless of case and spaces', () => {
    const r = region(' US-EAST-1 ');
    assert.ok(r.known);
    assert.equal(r.code, 'us-east-1');
    assert.equal(r.name, 'US East (N. Virginia)');
  });

  it('suggests the closest codes for an unknown one, and never throws', () => {
    const az = region('us-east-1a');
    assert.equal(az.known, false);
    assert.ok(!az.known && az.didYouMean[0] === 'us-east-1', JSON.stringify(az));
    const squashed = region('useast1');
    assert.ok(!squashed.known && squashed.didYouMean.includes('us-east-1'));
    const nextOne = region('eu-west-4');
    assert.ok(!nextOne.known);
    assert.deepEqual(!nextOne.known && nextOne.didYouMean, ['eu-west-1', 'eu-west-2', 'eu-west-3']);
    const byName = region('Frankfurt');
    assert.ok(!byName.known && byName.didYouMean[0] === 'eu-central-1');
    const nothing = region('zzzzzzzzzzzz');
    assert.deepEqual(!nothing.known && nothing.didYouMean, []);
    const empty = region('');
    assert.deepEqual(!empty.known && empty.didYouMean, []);
    assert.doesNotThrow(() => region(undefined as unknown as string));
  });

  it('measures edit distance', () => {
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('us-east-1', 'us-east-1'), 0);
  });
});

describe('knowledge: regionsSupporting()', () => {
  it('splits every region into supported, unsupported and unknown, for each platform', () => {
    for (const platform of PLATFORMS) {
      const s = regionsSupporting(platform);
      const all = [...s.supported, ...s.unsupported, ...s.unknown].sort();
      assert.deepEqual(all, REGIONS.map((r) => r.code).sort(), platform);
    }
  });

  it('puts regions without data under unknown, not unsupported', () => {
    const eksFargate = regionsSupporting('eks-fargate');
    assert.deepEqual(eksFargate.unsupported, ['us-gov-east-1', 'us-gov-west-1']);
    assert.ok(eksFargate.unknown.includes('ap-east-2'));
    assert.ok(eksFargate.unknown.includes('eusc-de-east-1'));
    assert.ok(eksFargate.supported.includes('us-east-1'));
    assert.ok(eksFargate.supported.includes('cn-north-1'));

    const ecsFargate = regionsSupporting('ecs-fargate');
    assert.ok(ecsFargate.supported.includes('mx-central-1'));
    assert.ok(ecsFargate.unknown.includes('il-central-1'));
    assert.deepEqual(ecsFargate.unsupported, []);

    assert.equal(regionsSupporting('ecs-ec2').supported.length, 46);
  });

  it('handles Windows on Fargate: ECS per region, EKS nowhere', () => {
    const win = regionsSupporting('ecs-fargate', { os: 'windows' });
    assert.ok(win.unsupported.includes('ap-southeast-3'));
    assert.ok(win.unknown.includes('mx-central-1'));
    assert.ok(win.supported.includes('eu-west-1'));
    assert.equal(regionsSupporting('eks-fargate', { os: 'windows' }).supported.length, 0);
    const dublin = REGIONS.find((r) => r.code === 'eu-west-1')!;
    assert.equal(regionSupports(dublin, 'eks-fargate', 'windows'), false);
    assert.equal(regionSupports(dublin, 'eks-fargate'), true);
  });
});
