import { strict as assert } from 'node:assert';
import { parseEcsCpu, parseEcsMemory, parseK8sCpu, parseK8sMemory, parseK8sQuantity } from '../../../src/engine/knowledge';

describe('knowledge: quantities', () => {
  it('reads Kubernetes CPU in vCPU', () => {
    assert.equal(parseK8sCpu('500m'), 0.5);
    assert.equal(parseK8sCpu('0.5'), 0.5);
    assert.equal(parseK8sCpu('.5'), 0.5);
    assert.equal(parseK8sCpu(1), 1);
    assert.equal(parseK8sCpu('2'), 2);
    assert.equal(parseK8sCpu('250m'), 0.25);
    assert.equal(parseK8sCpu('1e3m'), undefined, 'exponent and suffix together are not a quantity');
    assert.equal(parseK8sCpu('2e-1'), 0.2);
  });

  it('reads Kubernetes memory in MiB, binary and decimal', () => {
    assert.equal(parseK8sMemory('1Gi'), 1024);
    assert.equal(parseK8sMemory('512Mi'), 512);
    assert.equal(parseK8sMemory('1G'), 1e9 / 2 ** 20);
    assert.equal(parseK8sMemory('1e9'), 1e9 / 2 ** 20);
    assert.equal(parseK8sMemory('1E'), 1e18 / 2 ** 20, 'a bare E is exa');
    assert.equal(parseK8sMemory('1Ki'), 1 / 1024);
    assert.equal(parseK8sMemory(2 ** 30), 1024);
    // 'm' is milli: 512m bytes is a classic typo, parsed faithfully so a rule can flag it.
    assert.ok((parseK8sMemory('512m') ?? 1) < 0.001);
  });

  it('returns undefined for what it cannot read, and for negatives', () => {
    for (const bad of ['', 'abc', '1 Gi', '1gi', '-1', '1.2.3', 'Gi', null, undefined, {}, NaN, Infinity, -5, true]) {
      assert.equal(parseK8sQuantity(bad), undefined, String(bad));
    }
    for (const bad of ['', 'abc', '-1', '1 vCPU 2', null, undefined, {}, NaN, -5]) {
      assert.equal(parseEcsCpu(bad), undefined, String(bad));
      assert.equal(parseEcsMemory(bad), undefined, String(bad));
    }
  });

  it('reads ECS CPU as units, from units or vCPU spellings', () => {
    assert.equal(parseEcsCpu('1 vCPU'), 1024);
    assert.equal(parseEcsCpu('0.25 vcpu'), 256);
    assert.equal(parseEcsCpu('2vCPU'), 2048);
    assert.equal(parseEcsCpu('1024'), 1024);
    assert.equal(parseEcsCpu(1024), 1024);
    assert.equal(parseEcsCpu('1 core'), undefined);
  });

  it('reads ECS memory as MiB, where GB means GiB', () => {
    assert.equal(parseEcsMemory('2 GB'), 2048);
    assert.equal(parseEcsMemory('0.5GB'), 512);
    assert.equal(parseEcsMemory('2048'), 2048);
    assert.equal(parseEcsMemory(2048), 2048);
    assert.equal(parseEcsMemory('512 MiB'), 512);
    assert.equal(parseEcsMemory('1 TB'), undefined);
  });
});
