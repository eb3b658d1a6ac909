import { strict as assert } from 'node:assert';
import { EXCLUDE_GLOB, externalPath, isManifestPath } from '../../../src/extension/paths';

describe('extension: which files are read', () => {
  it('reads YAML, JSON and Dockerfiles anywhere but in node_modules, .git and .vscode', () => {
    for (const p of ['k8s/app.yaml', 'a.yml', 'ecs/task.json', 'x.jsonc', 'Dockerfile', 'svc/Dockerfile.prod', 'build/api.Dockerfile', 'Containerfile']) {
      assert.equal(isManifestPath(p), true, p);
    }
    for (const p of ['node_modules/x/a.yaml', '.git/config.json', '.vscode/settings.json', 'package-lock.json', 'sub/package-lock.json', '.offload.yaml', 'README.md', 'main.go', 'Dockerfilex/a.txt']) {
      assert.equal(isManifestPath(p), false, p);
    }
  });

  it('names documents outside the workspace so the engine can still detect JSON', () => {
    assert.equal(externalPath('/tmp/Untitled-1', 'json'), '(external)/Untitled-1.json');
    assert.equal(externalPath('Untitled-2', 'yaml'), '(external)/Untitled-2.yaml');
    assert.equal(externalPath('/x/deploy.yaml', 'yaml'), '(external)/deploy.yaml');
    assert.equal(externalPath('/x/Dockerfile', 'dockerfile'), '(external)/Dockerfile');
  });

  it('builds one brace group for findFiles without nested braces', () => {
    assert.match(EXCLUDE_GLOB, /^\{[^{}]+\}$/);
    assert.ok(EXCLUDE_GLOB.includes('**/node_modules/**'));
  });
});
