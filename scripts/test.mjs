#!/usr/bin/env node
// `npm test`: the unit tests (mocha, plain Node), then the suites that need a
// real VS Code (code-server + Debian Chromium, offline), then a closing
// `N passed, N failed` line for the whole run. Exits non-zero on any failure.
//
//   node scripts/test.mjs                  all suites (npm test builds first)
//   node scripts/test.mjs unit             only some: unit, integration, vsix
//
// Without Chromium (or the other Debian packages code-server needs) the
// real-VS-Code suites are skipped with a hint, except under CI=true, where
// that is a failure.
import { closingLine, formatDuration, isCI, missingSystemPackages, red, run } from './code-server/lib.mjs';

const SUITES = ['unit', 'integration', 'vsix'];
const asked = process.argv.slice(2).filter((a) => SUITES.includes(a));
const unknown = process.argv.slice(2).filter((a) => !SUITES.includes(a));
if (unknown.length) {
  console.error(`unknown argument(s): ${unknown.join(' ')} (suites: ${SUITES.join(', ')})`);
  process.exit(2);
}
const wanted = new Set(asked.length ? asked : SUITES);

const summary = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
function record(name, counts, ms, note = '') {
  summary.push({ name, ...counts, ms, note });
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped ?? 0;
}

if (wanted.has('unit')) {
  const t0 = Date.now();
  console.log('Unit tests (mocha)');
  const res = await run('npx', ['mocha', ...(process.stdout.isTTY ? ['--color'] : [])], { echo: true, timeoutMs: 5 * 60_000 });
  const plain = res.out.replace(/\u001b\[[0-9;]*m/g, '');
  const count = (word) => Number(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'm').exec(plain)?.[1] ?? 0);
  const counts = { passed: count('passing'), failed: count('failing'), skipped: count('pending') };
  // mocha exits non-zero without a failing count when it cannot load a file or finds none.
  if (res.code !== 0 && counts.failed === 0) counts.failed = 1;
  if (res.code === 0 && counts.passed === 0) {
    console.log(red('  mocha ran no unit test'));
    counts.failed += 1;
  }
  record('unit', counts, Date.now() - t0, res.code !== 0 && !count('failing') ? `mocha exited ${res.code}` : '');
}

const vscodeSuites = ['integration', 'vsix'].filter((s) => wanted.has(s));
if (vscodeSuites.length) {
  const missing = missingSystemPackages();
  if (missing.length) {
    const hint = `apt-get install ${missing.join(' ')}`;
    if (isCI) {
      console.error(red(`\nThe real-VS-Code suites need Debian packages that are missing: ${missing.join(', ')}.`));
      console.error(red(`Under CI this is a failure: .ci/run installs them (${hint}).`));
      for (const s of vscodeSuites) record(s, { passed: 0, failed: 1, skipped: 0 }, 0, `missing ${missing.join(', ')}`);
    } else {
      console.log(`\nSkipping the real-VS-Code suites (${vscodeSuites.join(', ')}): missing ${missing.join(', ')}.`);
      console.log(`They run VS Code (code-server) in headless Chromium. To run them, install with:\n  sudo ${hint}`);
      for (const s of vscodeSuites) record(s, { passed: 0, failed: 0, skipped: 1 }, 0, `skipped: ${hint}`);
    }
  } else {
    // Imported here so a unit-only run does not load playwright-core.
    const { ensureCodeServer } = await import('./code-server/install-code-server.mjs');
    const t0 = Date.now();
    let ready = true;
    try {
      await ensureCodeServer({ log: (s) => console.log(s) });
    } catch (err) {
      ready = false;
      console.error(red(`\nCould not install code-server into .cache/code-server:\n${err.message}`));
      for (const s of vscodeSuites) record(s, { passed: 0, failed: 1, skipped: 0 }, Date.now() - t0, 'code-server install failed');
    }
    const installMs = Date.now() - t0;
    if (ready && installMs > 2000) console.log(`  code-server ready in ${formatDuration(installMs)}`);
    if (ready && wanted.has('integration')) {
      const { runExtensionTests } = await import('./code-server/run-extension-tests.mjs');
      const t1 = Date.now();
      record('integration', await runExtensionTests(), Date.now() - t1);
    }
    if (ready && wanted.has('vsix')) {
      const { runVsixBrowserCheck } = await import('./code-server/vsix-browser-check.mjs');
      const t1 = Date.now();
      record('vsix', await runVsixBrowserCheck(), Date.now() - t1);
    }
  }
}

console.log('Summary');
for (const s of summary) {
  const line = `${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`;
  console.log(`  ${s.name.padEnd(12)} ${line.padEnd(32)} ${formatDuration(s.ms)}${s.note ? `  (${s.note})` : ''}`);
}
console.log('');
console.log(closingLine(totals));
process.exit(totals.failed > 0 ? 1 : 0);
