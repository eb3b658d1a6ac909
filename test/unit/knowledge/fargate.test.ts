import { strict as assert } from 'node:assert';
import {
  eksPodRequest,
  fargateEphemeralStorage,
  fargateHourlyCost,
  fargateSizeFor,
  monthlyFromHourly,
  validFargateCombos,
} from '../../../src/engine/knowledge';
import { ECS_FARGATE_SIZES, EKS_FARGATE_SIZES } from '../../../src/engine/knowledge/fargate-sizes';

describe('knowledge: Fargate size grid', () => {
  it('is monotonic: vCPU rises, memory rises within a row, and row bounds never fall', () => {
    for (const rows of [ECS_FARGATE_SIZES, EKS_FARGATE_SIZES]) {
      for (let i = 0; i < rows.length; i++) {
        const mem = rows[i].memoryMiB;
        for (let j = 1; j < mem.length; j++) assert.ok(mem[j] > mem[j - 1], `row ${rows[i].vcpu}: memory not ascending`);
        if (i === 0) continue;
        assert.ok(rows[i].vcpu > rows[i - 1].vcpu);
        assert.ok(mem[0] >= rows[i - 1].memoryMiB[0]);
        assert.ok(mem[mem.length - 1] >= rows[i - 1].memoryMiB[rows[i - 1].memoryMiB.length - 1]);
      }
    }
  });

  it('is the same grid for ECS tasks and EKS pods, with cpu = 1024 x vCPU', () => {
    assert.deepEqual(
      ECS_FARGATE_SIZES.map((r) => ({ vcpu: r.vcpu, memoryMiB: r.memoryMiB })),
      EKS_FARGATE_SIZES.map((r) => ({ vcpu: r.vcpu, memoryMiB: r.memoryMiB })),
    );
    for (const r of ECS_FARGATE_SIZES) assert.equal(r.cpu, r.vcpu * 1024);
  });

  it('lists valid combos per OS: Windows only at 1, 2 and 4 vCPU', () => {
    const linux = validFargateCombos('LINUX');
    assert.equal(linux.length, 3 + 4 + 7 + 13 + 23 + 12 + 12);
    assert.deepEqual(linux[0], { vcpu: 0.25, cpu: 256, memoryMiB: 512, memoryGiB: 0.5, label: '0.25vCPU 0.5GB' });
    const windows = validFargateCombos('WINDOWS');
    assert.deepEqual([...new Set(windows.map((c) => c.vcpu))], [1, 2, 4]);
    assert.equal(validFargateCombos('windows').length, windows.length);
  });
});

describe('knowledge: EKS Fargate pod sizing', () => {
  it('provisions 2 vCPU / 9 GB for a 1 vCPU + 8 GiB request (the EKS guide example)', () => {
    const pod = eksPodRequest([{ cpu: 1, memoryMiB: 8192 }]);
    assert.deepEqual(pod.withOverhead, { vcpu: 1, memoryMiB: 8448 });
    assert.equal(pod.size?.vcpu, 2);
    assert.equal(pod.size?.memoryMiB, 9216);
    assert.equal(pod.size?.label, '2vCPU 9GB');
    assert.deepEqual(fargateSizeFor(1, 8192, { platform: 'eks' }).size, pod.size);
  });

  it('takes, per dimension, the larger of the biggest init container and the sum of the regular ones', () => {
    // CPU from the init container (1 > 0.25 + 0.25), memory from the sum (1024 > 256).
    const pod = eksPodRequest(
      [{ cpu: 0.25, memoryMiB: 512 }, { cpu: 0.25, memoryMiB: 512 }],
      [{ cpu: 1, memoryMiB: 256 }, { cpu: 0.5, memoryMiB: 128 }],
    );
    assert.deepEqual(pod.request, { vcpu: 1, memoryMiB: 1024 });
    assert.equal(pod.size?.label, '1vCPU 2GB');
    // Init containers run one at a time, so they are not summed.
    const initMemory = eksPodRequest([{ cpu: 0.5 }], [{ memoryMiB: 4096 }, { memoryMiB: 4096 }]);
    assert.deepEqual(initMemory.request, { vcpu: 0.5, memoryMiB: 4096 });
    assert.equal(initMemory.size?.label, '1vCPU 5GB', '4 GiB + 256 MiB no longer fits the 0.5 vCPU row');
  });

  it('gives the smallest size when no container sets a request', () => {
    for (const pod of [eksPodRequest([{}, {}], [{}]), eksPodRequest([]), fargateSizeFor(undefined, undefined, { platform: 'eks' })]) {
      assert.equal(pod.defaulted, true);
      assert.equal(pod.size?.label, '0.25vCPU 0.5GB');
    }
    assert.equal(eksPodRequest([{ cpu: 0.1 }]).defaulted, false);
  });

  it('adds float sums without tipping over a boundary', () => {
    const pod = eksPodRequest([{ cpu: 0.1 }, { cpu: 0.2 }, { cpu: 0.2 }]);
    assert.equal(pod.size?.vcpu, 0.5);
  });

  it('says the pod does not fit when it is above the largest size', () => {
    const tooManyCpus = eksPodRequest([{ cpu: 17, memoryMiB: 1024 }]);
    assert.equal(tooManyCpus.fits, false);
    assert.equal(tooManyCpus.size, null);
    assert.match(tooManyCpus.reason ?? '', /largest Fargate size is 16vCPU 120GB/);
    // 120 GiB is the top of the grid, so the 256 MiB overhead pushes it over.
    assert.equal(eksPodRequest([{ cpu: 4, memoryMiB: 122880 }]).fits, false);
    assert.equal(eksPodRequest([{ cpu: 4, memoryMiB: 122880 - 256 }]).size?.label, '16vCPU 120GB');
  });

  it('refuses Windows pods: EKS Fargate is Linux only', () => {
    const pod = fargateSizeFor(1, 2048, { platform: 'eks', os: 'windows' });
    assert.equal(pod.fits, false);
    assert.equal(pod.size, null);
  });
});

describe('knowledge: ECS Fargate task size check', () => {
  it('accepts pairs on the grid', () => {
    const ok = fargateSizeFor(0.25, 512, { platform: 'ecs' });
    assert.equal(ok.valid, true);
    assert.equal(ok.reason, undefined);
    assert.equal(ok.nearest?.label, '0.25vCPU 0.5GB');
    assert.equal(fargateSizeFor(8, 16384, { platform: 'ecs' }).minPlatformVersion, '1.4.0');
  });

  it('offers the nearest valid pair for an invalid one', () => {
    const cases: [number, number, string][] = [
      [1, 1024, '1vCPU 2GB'],
      [0.25, 4096, '0.5vCPU 4GB'],
      [3, 8192, '4vCPU 8GB'],
      [2, 17 * 1024, '4vCPU 17GB'],
      [4, 31 * 1024, '8vCPU 32GB'],
    ];
    for (const [vcpu, mem, label] of cases) {
      const check = fargateSizeFor(vcpu, mem, { platform: 'ecs' });
      assert.equal(check.valid, false, `${vcpu}/${mem}`);
      assert.equal(check.nearest?.label, label, `${vcpu}/${mem}`);
      assert.ok(check.reason);
    }
    assert.equal(fargateSizeFor(0.25, 512, { platform: 'ecs', os: 'WINDOWS' }).nearest?.label, '1vCPU 2GB');
    assert.equal(fargateSizeFor(8, 16384, { platform: 'ecs', os: 'WINDOWS' }).fits, false);
  });

  it('never shrinks either value, and picks the smallest size that does not', () => {
    const combos = validFargateCombos('LINUX');
    for (const vcpu of [0.1, 0.25, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8, 12, 16]) {
      for (let mem = 256; mem <= 126 * 1024; mem += 384) {
        const check = fargateSizeFor(vcpu, mem, { platform: 'ecs' });
        const candidates = combos.filter((c) => c.vcpu >= vcpu && c.memoryMiB >= mem);
        if (candidates.length === 0) {
          assert.equal(check.fits, false, `${vcpu}/${mem}`);
          continue;
        }
        const n = check.nearest!;
        assert.ok(n.vcpu >= vcpu && n.memoryMiB >= mem, `${vcpu}/${mem} shrank to ${n.label}`);
        assert.ok(combos.some((c) => c.vcpu === n.vcpu && c.memoryMiB === n.memoryMiB), `${n.label} is not valid`);
        const cheapest = Math.min(...candidates.map((c) => c.vcpu * 0.04048 + c.memoryGiB * 0.004445));
        assert.ok(n.vcpu * 0.04048 + n.memoryGiB * 0.004445 <= cheapest + 1e-12, `${vcpu}/${mem}: ${n.label} is not the cheapest fix`);
      }
    }
  });

  it('explains missing values and still suggests a partner for the one that is there', () => {
    const noMemory = fargateSizeFor(2, undefined, { platform: 'ecs' });
    assert.equal(noMemory.valid, false);
    assert.match(noMemory.reason ?? '', /memory/);
    assert.equal(noMemory.nearest?.label, '2vCPU 4GB');
    const none = fargateSizeFor(undefined, undefined, { platform: 'ecs' });
    assert.equal(none.nearest?.label, '0.25vCPU 0.5GB');
    assert.deepEqual(none.requested, { vcpu: null, memoryMiB: null });
    assert.equal(fargateSizeFor(NaN, -1, { platform: 'ecs' }).valid, false);
  });
});

describe('knowledge: Fargate cost', () => {
  it('prices Linux x86, Linux arm64 and Windows per hour (us-east-1)', () => {
    const x86 = fargateHourlyCost({ vcpu: 1, memoryGiB: 2 }, { arch: 'x86_64', os: 'linux' });
    assert.equal(x86.hourlyUsd, 0.04937);
    assert.equal(x86.region, 'us-east-1');
    assert.equal(fargateHourlyCost({ vcpu: 1, memoryGiB: 2 }, { arch: 'arm64', os: 'linux' }).hourlyUsd, 0.0395);
    const win = fargateHourlyCost({ vcpu: 1, memoryGiB: 2 }, { arch: 'x86_64', os: 'windows' });
    assert.equal(win.osLicenseUsd, 0.046);
    assert.equal(win.hourlyUsd, 0.15758, "0.09148 + 0.046 licence per vCPU + 2 x 0.01005");
  });

  it('charges ephemeral storage above the included 20 GB', () => {
    const c = fargateHourlyCost({ vcpu: 0.25, memoryGiB: 0.5, ephemeralStorageGiB: 30 }, { arch: 'x86_64', os: 'linux' });
    assert.equal(c.ephemeralStorageUsd, 0.00111);
    assert.equal(fargateHourlyCost({ vcpu: 0.25, memoryGiB: 0.5, ephemeralStorageGiB: 20 }, { arch: 'x86_64', os: 'linux' }).ephemeralStorageUsd, 0);
  });

  it('returns null with a reason for combinations Fargate does not offer', () => {
    assert.equal(fargateHourlyCost({ vcpu: 1, memoryGiB: 2 }, { arch: 'arm64', os: 'windows' }).hourlyUsd, null);
    const eksArm = fargateHourlyCost({ vcpu: 1, memoryGiB: 2 }, { arch: 'arm64', os: 'linux', platform: 'eks' });
    assert.equal(eksArm.hourlyUsd, null);
    assert.match(eksArm.reason ?? '', /Linux x86_64/);
    assert.equal(fargateHourlyCost({ vcpu: -1, memoryGiB: 2 }, { arch: 'x86_64', os: 'linux' }).hourlyUsd, null);
  });

  it('turns hourly into monthly at 730 hours', () => {
    assert.equal(monthlyFromHourly(0.1), 73);
    assert.equal(monthlyFromHourly(0.04937), 36.0401);
  });

  it('reads ephemeral storage limits, taking the stricter reading for ECS Windows', () => {
    assert.deepEqual(
      { ...fargateEphemeralStorage('ecs', 'linux'), note: '' },
      { defaultGiB: 20, maxGiB: 200, configurable: true, note: '' },
    );
    assert.equal(fargateEphemeralStorage('ecs', 'WINDOWS').configurable, false);
    assert.equal(fargateEphemeralStorage('eks').maxGiB, 175);
  });
});
