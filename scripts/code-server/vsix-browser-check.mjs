#!/usr/bin/env node
// The packaged extension as a person meets it: build offload.vsix, install it
// into code-server with --install-extension, open examples/ in headless
// Chromium, and run the checks in test/browser/vsix-checks.mjs against the
// rendered page. Screenshots go to test-results/screenshots/, or to
// OFFLOAD_SCREENSHOTS_DIR (`npm run screenshots` writes the README's, docs/images/,
// so a test run never changes tracked files); a failing check leaves one in test-results/.
//
//   node scripts/code-server/vsix-browser-check.mjs [--vsix offload.vsix] [--grep PATTERN]
//
// Without --vsix (or OFFLOAD_VSIX) it runs `npm run package` first.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closingLine, copyToTemp, printSpec, red, repoRoot, runOrThrow, withDeadline } from './lib.mjs';
import { codeServerCli, launchChromium, startCodeServer, workbenchUrl } from './server.mjs';
import { workbench } from './workbench.mjs';
import { checks } from '../../test/browser/vsix-checks.mjs';

const CHECK_TIMEOUT_MS = 90_000;
const EXTENSION_ID = 'offload-dev.offload';

export async function runVsixBrowserCheck({
  vsix = process.env.OFFLOAD_VSIX,
  screenshotsDir = process.env.OFFLOAD_SCREENSHOTS_DIR ?? join(repoRoot, 'test-results', 'screenshots'),
  grep = process.env.OFFLOAD_TEST_GREP,
  heading = 'Browser check of the packaged extension (offload.vsix in code-server)',
} = {}) {
  const started = Date.now();
  const tests = [];
  const cleanups = [];
  let logs = '';
  const selected = checks.filter((c) => !grep || new RegExp(grep).test(c.title));
  try {
    if (!vsix) {
      console.log('  [vsix] npm run package');
      await runOrThrow('npm', ['run', '-s', 'package'], { timeoutMs: 5 * 60_000 });
      vsix = join(repoRoot, 'offload.vsix');
    }
    vsix = resolve(vsix);
    const examples = join(repoRoot, 'examples');
    const daemonSetFile = findDaemonSetExample(examples);
    const otherWorkloads = kubernetesNames(examples, daemonSetFile);

    const extensionsDir = mkdtempSync(join(tmpdir(), 'offload-vsix-ext-'));
    cleanups.push(() => rmSync(extensionsDir, { recursive: true, force: true }));
    await codeServerCli(['--install-extension', vsix, '--force'], { extensionsDir });
    const installed = (await codeServerCli(['--list-extensions'], { extensionsDir })).out
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^[\w-]+\.[\w-]+$/.test(l));
    if (!installed.includes(EXTENSION_ID)) throw new Error(`${vsix} did not install as ${EXTENSION_ID} (installed: ${installed.join(', ') || 'none'})`);
    // The checks read titles from the manifest that was packaged, not from the tree.
    const installedDir = readdirSync(extensionsDir).find((d) => d.toLowerCase().startsWith(`${EXTENSION_ID}-`));
    const manifest = JSON.parse(readFileSync(join(extensionsDir, installedDir, 'package.json'), 'utf8'));

    const ws = copyToTemp(examples, 'offload-vsix-ws-');
    cleanups.push(ws.cleanup);
    const server = await startCodeServer({
      extensionsDir,
      // Screenshots for the README: no minimap, a stable theme.
      settings: { 'editor.minimap.enabled': false, 'workbench.colorTheme': 'Default Dark Modern', 'editor.hover.delay': 150 },
      log: (s) => console.log(s),
    });
    cleanups.push(() => server.close());
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(workbenchUrl(server, { folder: ws.dir }));

    mkdirSync(screenshotsDir, { recursive: true });
    const ctx = {
      page,
      manifest,
      installed,
      daemonSetFile,
      otherWorkloads,
      ui: workbench(page),
      shot: async (name) => {
        // Fast-forward fades (a hover fading in would come out translucent).
        await page.screenshot({ path: join(screenshotsDir, name), animations: 'disabled' });
      },
    };
    // Every check starts from a restored workbench, so any one can run alone (--grep).
    await ctx.ui.ready();
    for (const check of selected) {
      const t0 = Date.now();
      try {
        await withDeadline(check.run(ctx), CHECK_TIMEOUT_MS, check.title);
        tests.push({ titlePath: ['offload.vsix', check.title], state: 'passed', duration: Date.now() - t0 });
      } catch (err) {
        const evidence = join(repoRoot, 'test-results', `vsix-failed-${tests.length + 1}.png`);
        mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
        await page.screenshot({ path: evidence }).catch(() => {});
        tests.push({
          titlePath: ['offload.vsix', check.title],
          state: 'failed',
          duration: Date.now() - t0,
          error: { message: `${err.message}\n(screenshot: ${relative(repoRoot, evidence)})`, stack: err.stack },
        });
        // Leave the page as a person would find it for the next check.
        await page.keyboard.press('Escape').catch(() => {});
      }
    }
    if (tests.some((t) => t.state === 'failed')) logs = server.logs();
  } catch (err) {
    tests.push({ titlePath: ['offload.vsix', 'setup'], state: 'failed', error: { message: err.message, stack: err.stack } });
  } finally {
    for (const fn of cleanups.reverse()) await Promise.resolve().then(fn).catch(() => {});
  }
  const counts = printSpec(tests, { heading, durationMs: Date.now() - started });
  if (logs) console.log(`${logs}\n`);
  return counts;
}

const walk = (d) =>
  readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

/** `metadata.name` of the Kubernetes workloads in examples/ outside `except`. */
function kubernetesNames(dir, except) {
  const names = new Set();
  for (const file of walk(dir).filter((p) => /\.ya?ml$/.test(p) && relative(dir, p) !== except)) {
    for (const doc of readFileSync(file, 'utf8').split(/^---\s*$/m)) {
      if (!/^kind:\s*(Deployment|StatefulSet|DaemonSet|Job|CronJob|Pod|ReplicaSet)\s*$/m.test(doc)) continue;
      const m = /^metadata:\s*\n(?:\s+.*\n)*?\s+name:\s*["']?([\w.-]+)/m.exec(doc);
      if (m) names.add(m[1]);
    }
  }
  return [...names];
}

/** The first example manifest with a DaemonSet that no suppression names. */
function findDaemonSetExample(dir) {
  const file = walk(dir)
    .filter((p) => /\.ya?ml$/.test(p))
    .sort()
    .find((p) => {
      const text = readFileSync(p, 'utf8');
      return /^kind:\s*DaemonSet\s*$/m.test(text) && !text.includes('eks-fargate-daemonset');
    });
  if (!file) throw new Error(`no DaemonSet manifest in ${dir}: the checks need one`);
  return relative(dir, file);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const opt = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const counts = await runVsixBrowserCheck({ vsix: opt('--vsix'), grep: opt('--grep') });
  console.log(closingLine(counts));
  if (counts.failed > 0) console.error(red('browser check failed'));
  process.exit(counts.failed > 0 ? 1 : 0);
}
