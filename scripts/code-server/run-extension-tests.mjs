#!/usr/bin/env node
// Runs test/integration (compiled to out/test/integration) inside code-server's
// extension host, driven by headless Debian Chromium, and prints the results in
// mocha's spec format. Exits non-zero on any failure, a timeout or no tests.
//
//   node scripts/code-server/run-extension-tests.mjs [--grep PATTERN] [--workspace DIR] [--verbose]
//
// Needs `npm run pretest` (build + compile) first; `npm test` does that.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closingLine, copyToTemp, formatDuration, printSpec, red, repoRoot } from './lib.mjs';
import { launchChromium, startCodeServer, workbenchUrl } from './server.mjs';

const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

/**
 * Returns `{ passed, failed, skipped }`. Never throws for a failed run: setup
 * errors and timeouts come back as a failed pseudo-test with the logs that say why.
 */
export async function runExtensionTests({
  workspace = join(repoRoot, 'examples'),
  grep = process.env.OFFLOAD_TEST_GREP,
  timeoutMs = Number(process.env.OFFLOAD_TEST_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS,
  verbose = false,
  // Another build of the extension, e.g. to try the harness against a stand-in.
  extensionPath = process.env.OFFLOAD_EXTENSION_PATH ? resolve(process.env.OFFLOAD_EXTENSION_PATH) : repoRoot,
  heading = 'Integration tests in code-server',
} = {}) {
  const started = Date.now();
  const testsPath = join(repoRoot, 'out', 'test', 'integration', 'index.js');
  const cleanups = [];
  let tests = [];
  let host = '';
  try {
    const extensionMain = join(extensionPath, JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8')).main ?? 'dist/extension.js');
    for (const [file, fix] of [[testsPath, 'npm run compile'], [extensionMain, 'npm run build']]) {
      if (!existsSync(file)) throw new Error(`${file} is missing: run \`${fix}\` (npm test runs both)`);
    }
    // The suite writes into its workspace; keep the repository's examples/ clean.
    const ws = copyToTemp(workspace, 'offload-it-');
    cleanups.push(ws.cleanup);
    const resultsFile = join(ws.dir, '..', 'results.json');

    const server = await startCodeServer({
      env: { OFFLOAD_TEST_RESULTS: resultsFile, OFFLOAD_TEST_GREP: grep ?? '' },
      log: (s) => console.log(s),
    });
    cleanups.push(() => server.close());
    const browser = await launchChromium();
    cleanups.push(() => browser.close());

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    if (verbose) page.on('console', (m) => console.log(`  [browser ${m.type()}] ${m.text()}`));
    const url = workbenchUrl(server, { folder: ws.dir, extensionDevelopmentPath: extensionPath, extensionTestsPath: testsPath });
    await page.goto(url);

    const outcome = await waitForResults(resultsFile, server, started + timeoutMs, timeoutMs);
    tests = outcome.results?.tests ?? [];
    host = outcome.results ? `${outcome.results.host} ${outcome.results.vscodeVersion}` : '';
    if (!outcome.results?.done) {
      tests.push({
        titlePath: ['integration run'],
        state: 'failed',
        error: { message: `${outcome.reason}\n${server.logs()}` },
      });
    } else if (tests.length === 0) {
      tests.push({ titlePath: ['integration run'], state: 'failed', error: { message: 'the suite ran no test' } });
    }
  } catch (err) {
    tests.push({ titlePath: ['integration run: setup'], state: 'failed', error: { message: err.message, stack: err.stack } });
  } finally {
    for (const fn of cleanups.reverse()) await Promise.resolve().then(fn).catch(() => {});
  }
  const durationMs = Date.now() - started;
  return printSpec(tests, { heading: `${heading}${host ? ` (${host})` : ''}`, durationMs });
}

/** Polls the results file until the suite marks it done, code-server dies, or the deadline passes. */
async function waitForResults(file, server, deadline, timeoutMs) {
  let results;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      try {
        results = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        /* renamed into place atomically; a parse error is a stale read */
      }
      if (results?.done) return { results };
    }
    if (server.child.exitCode !== null) return { results, reason: `code-server exited (${server.child.exitCode}) during the run` };
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    results,
    reason: results
      ? `timed out after ${formatDuration(timeoutMs)}: the suite started but did not finish`
      : 'timed out: the extension host never started the suite (no results file)',
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const opt = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const counts = await runExtensionTests({
    grep: opt('--grep'),
    workspace: opt('--workspace') ? resolve(opt('--workspace')) : undefined,
    verbose: argv.includes('--verbose'),
  });
  console.log(closingLine(counts));
  if (counts.failed > 0) console.error(red('integration tests failed'));
  process.exit(counts.failed > 0 ? 1 : 0);
}
