import * as assert from 'node:assert/strict';
import { globToRegExp, matchesAnyGlob } from '../../../src/engine/glob';

function matches(glob: string, path: string): boolean {
  return globToRegExp(glob).test(path);
}

describe('glob: ignore patterns', () => {
  const table: [glob: string, yes: string[], no: string[]][] = [
    ['*.yaml', ['a.yaml', 'k8s/a.yaml', 'x/y/z.yaml'], ['a.yml', 'a.yaml.bak', 'a.json']],
    ['legacy', ['legacy', 'legacy/a.yaml', 'x/legacy/a.yaml'], ['legacy2/a.yaml', 'mylegacy/a.yaml']],
    ['legacy/**', ['legacy/a.yaml', 'legacy/x/y.yaml'], ['x/legacy/a.yaml', 'legacyx/a.yaml']],
    ['legacy/', ['legacy/a.yaml'], ['x/legacy/a.yaml']],
    ['./k8s/*.yaml', ['k8s/a.yaml'], ['k8s/x/a.yaml', 'x/k8s/a.yaml']],
    ['**/generated/**', ['generated/a.yaml', 'x/generated/y/a.yaml'], ['generatedx/a.yaml']],
    ['k8s/**/test-*.yaml', ['k8s/test-a.yaml', 'k8s/x/y/test-b.yaml'], ['k8s/x/a.yaml', 'other/test-a.yaml']],
    ['*.{yml,yaml}', ['a.yml', 'b/a.yaml'], ['a.json']],
    ['file?.json', ['file1.json', 'x/fileA.json'], ['file10.json', 'file/.json']],
    ['a+b(c).yaml', ['a+b(c).yaml'], ['aab(c).yaml', 'a+bc.yaml']],
    ['v1.2/*.yaml', ['v1.2/a.yaml'], ['v1x2/a.yaml']],
  ];
  for (const [glob, yes, no] of table) {
    it(`${glob}`, () => {
      for (const p of yes) assert.ok(matches(glob, p), `${glob} should match ${p}`);
      for (const p of no) assert.ok(!matches(glob, p), `${glob} should not match ${p}`);
    });
  }

  it('* never crosses a folder; ** does', () => {
    assert.ok(matches('k8s/*', 'k8s/a.yaml'));
    // As in .gitignore, a pattern that matches a folder covers everything under it.
    assert.ok(matches('k8s/*', 'k8s/a/b.yaml'));
    assert.ok(!matches('k*s/a.yaml', 'k/x/s/a.yaml'));
  });

  it('matchesAnyGlob checks each pattern (and caches them)', () => {
    assert.equal(matchesAnyGlob('a/b.yaml', ['*.json', 'a/**']), true);
    assert.equal(matchesAnyGlob('a/b.yaml', ['*.json', 'a/**']), true);
    assert.equal(matchesAnyGlob('a/b.yaml', []), false);
    assert.equal(matchesAnyGlob('c/b.yaml', ['*.json', 'a/**']), false);
  });
});
