#!/usr/bin/env node
// Runs the same integration suite in desktop VS Code through
// @vscode/test-electron (2.5.x: the line that still runs on Node 20).
// It downloads VS Code into .vscode-test/ on first use, so it needs the
// network: this machine and CI use the code-server runner instead
// (scripts/code-server/run-extension-tests.mjs). On a Linux box without a
// display, wrap it: `xvfb-run -a npm run test:electron`.
//
//   npm run test:electron            (VS Code stable)
//   VSCODE_TEST_VERSION=1.100.3 npm run test:electron
//   VSCODE_EXECUTABLE_PATH=/usr/share/code/code npm run test:electron   (a VS Code you have, no download)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { closingLine, copyToTemp, printSpec, repoRoot } from '../../scripts/code-server/lib.mjs';

const testsPath = join(repoRoot, 'out', 'test', 'integration', 'index.js');
if (!existsSync(testsPath)) {
  console.error(`${testsPath} is missing: run \`npm run pretest\` first`);
  process.exit(1);
}
const ws = copyToTemp(join(repoRoot, 'examples'), 'offload-it-');
const userDataDir = mkdtempSync(join(tmpdir(), 'offload-vscode-user-'));
const resultsFile = join(ws.dir, '..', 'results.json');
const started = Date.now();
let exitCode = 1;
let runError;
try {
  exitCode = await runTests({
    version: process.env.VSCODE_TEST_VERSION || 'stable',
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testsPath,
    extensionTestsEnv: { OFFLOAD_TEST_RESULTS: resultsFile, OFFLOAD_TEST_GREP: process.env.OFFLOAD_TEST_GREP ?? '' },
    launchArgs: [
      ws.dir,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      userDataDir,
    ],
  });
} catch (err) {
  runError = err;
}
const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
const tests = results?.tests ?? [];
if (!results?.done) {
  tests.push({
    titlePath: ['integration run (electron)'],
    state: 'failed',
    error: { message: runError ? `VS Code did not run the suite: ${runError.message ?? runError}` : 'the suite did not finish' },
  });
}
const counts = printSpec(tests, {
  heading: `Integration tests in VS Code desktop${results ? ` (${results.host} ${results.vscodeVersion})` : ''}`,
  durationMs: Date.now() - started,
});
console.log(closingLine(counts));
ws.cleanup();
rmSync(userDataDir, { recursive: true, force: true });
process.exit(counts.failed > 0 || exitCode !== 0 ? 1 : 0);
