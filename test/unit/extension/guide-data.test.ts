import { strict as assert } from 'node:assert';
import { guideKnowledge } from '../../../src/extension/webview/guide-data';

describe('extension: Platform Guide knowledge tables', () => {
  const k = guideKnowledge('2026-11-25');

  it('dates every table and carries the control-plane prices', () => {
    for (const d of Object.values(k.asOf)) assert.match(d, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(k.pricing.standardPerClusterHour, 0.1);
    assert.equal(k.pricing.extendedPerClusterHour, 0.6);
    assert.equal(k.pricing.hoursPerMonth, 730);
  });

  it('gives each EKS version its status on the day', () => {
    const v131 = k.eksVersions.find((v) => v.version === '1.31')!;
    assert.equal(v131.status, 'extended');
    assert.equal(v131.hourlyPriceUsd, 0.6);
    assert.ok(k.eksVersions.some((v) => v.status === 'standard'));
  });

  it('keeps unknown region availability as null, never false', () => {
    assert.ok(k.regions.length > 20);
    assert.ok(k.regions.some((r) => r.fargateEks === null || r.fargateEcsWindows === null));
    const east = k.regions.find((r) => r.code === 'us-east-1')!;
    assert.equal(east.ecs, true);
    assert.equal(east.fargateEks, true);
  });

  it('prices every Linux Fargate size, and Windows only where it is offered', () => {
    const smallest = k.fargateSizes[0];
    assert.equal(smallest.vcpu, 0.25);
    assert.equal(smallest.memoryMiB, 512);
    assert.equal(smallest.windows, false);
    assert.equal(smallest.windowsHourlyUsd, null);
    assert.ok(smallest.linuxX86HourlyUsd! > smallest.linuxArmHourlyUsd!);
    assert.ok(k.fargateSizes.some((s) => s.windows && s.windowsHourlyUsd! > s.linuxX86HourlyUsd!));
    assert.ok(k.fargateSizes.some((s) => s.eks));
  });

  it('is plain JSON (it is posted to the webview)', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(k)), k);
  });
});
