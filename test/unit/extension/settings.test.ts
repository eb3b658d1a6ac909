import { strict as assert } from 'node:assert';
import { settingsToOptions } from '../../../src/extension/settings';
import { analyze } from '../../../src/engine';

describe('extension: settings → options layer', () => {
  it('passes explicit values through', () => {
    const { options, problems } = settingsToOptions({
      eksVersion: '1.33',
      regions: ['eu-west-1', ' us-east-1 '],
      rules: { 'eks-fargate-daemonset': 'info', 'x-y': 'off' },
      ignore: ['charts/**'],
      maxFileSizeBytes: 1024,
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(options, {
      eksVersion: '1.33',
      regions: ['eu-west-1', 'us-east-1'],
      rules: { 'eks-fargate-daemonset': 'info', 'x-y': 'off' },
      ignore: ['charts/**'],
      maxFileSizeBytes: 1024,
    });
  });

  it('treats "latest", [] and {} as not set, so .offload.yaml and the eksctl config still apply', () => {
    assert.deepEqual(settingsToOptions({ eksVersion: 'latest', regions: [], rules: {}, ignore: [] }).options, {});
    const eksctl = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: c\n  region: eu-west-1\n  version: "1.31"\n';
    const r = analyze([{ path: 'c.yaml', text: eksctl }], { today: '2026-11-25', options: settingsToOptions({ eksVersion: 'latest', regions: [] }).options });
    assert.equal(r.target.eksVersion, '1.31');
    assert.deepEqual(r.target.regions, ['eu-west-1']);
  });

  it('drops bad values with a message instead of passing them on', () => {
    const { options, problems } = settingsToOptions({ eksVersion: 'one', regions: 'eu-west-1', rules: { a: 'loud' }, ignore: [1], maxFileSizeBytes: -1 });
    assert.deepEqual(options, {});
    assert.equal(problems.length, 5);
  });

  it('overrides .offload.yaml as the options layer', () => {
    const r = analyze([], { today: '2026-11-25', configText: 'eksVersion: "1.30"\nregions: [us-west-2]\n', options: settingsToOptions({ eksVersion: '1.33' }).options });
    assert.equal(r.target.eksVersion, '1.33');
    assert.equal(r.target.eksVersionSource, 'option');
    assert.deepEqual(r.target.regions, ['us-west-2']);
  });
});
