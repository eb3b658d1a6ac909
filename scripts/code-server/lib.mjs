// Shared plumbing for the real-VS-Code suites: child processes that are always
// cleaned up, free loopback ports, the browser, and mocha-style printing.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, cpSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const isCI = /^(1|true)$/i.test(process.env.CI ?? '');

/**
 * Runs a command and resolves with its exit code and captured output. Output is
 * also streamed when `echo` is set. The child gets its own process group so a
 * timeout or an interrupted parent can kill everything it started.
 */
export function run(cmd, args, { cwd = repoRoot, env = process.env, echo = false, timeoutMs = 0 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const untrack = track(child);
    let out = '';
    const onData = (stream) => (chunk) => {
      out += chunk;
      if (echo) stream.write(chunk);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    let timer;
    if (timeoutMs) {
      timer = setTimeout(() => {
        out += `\n[killed after ${Math.round(timeoutMs / 1000)} s]\n`;
        killGroup(child);
      }, timeoutMs);
    }
    child.on('error', (err) => { clearTimeout(timer); untrack(); reject(err); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      untrack();
      resolvePromise({ code: code ?? (signal ? 128 : 1), signal, out });
    });
  });
}

/** Like `run`, but throws with the command's tail output when it fails. */
export async function runOrThrow(cmd, args, opts) {
  const res = await run(cmd, args, opts);
  if (res.code !== 0) {
    const tail = res.out.split('\n').slice(-40).join('\n');
    throw new Error(`\`${cmd} ${args.join(' ')}\` exited ${res.code} in ${opts?.cwd ?? repoRoot}\n${tail}`);
  }
  return res;
}

// Every child that outlives a single await is tracked, so an exit, Ctrl+C or
// SIGTERM from CI tears down code-server and Chromium too.
const live = new Set();
export function track(child) {
  live.add(child);
  return () => live.delete(child);
}

export function killGroup(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try { child.kill(signal); } catch { /* already gone */ }
  }
}

/** Terminates a tracked child's process group; SIGKILL if it lingers. */
export async function stop(child, graceMs = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

function killAllSync() {
  for (const child of live) killGroup(child, 'SIGKILL');
}
process.on('exit', killAllSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killAllSync();
    process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 })[sig]);
  });
}

export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePromise(port));
    });
  });
}

/** Debian's Chromium (or one named by OFFLOAD_CHROMIUM). Never a downloaded browser. */
export function findChromium() {
  const candidates = [process.env.OFFLOAD_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => p && existsSync(p));
}

/** What the code-server suites need from Debian, by package name, when missing. */
export function missingSystemPackages() {
  const missing = [];
  if (!findChromium()) missing.push('chromium');
  if (!which('rg')) missing.push('ripgrep');
  if (!which('pkg-config')) missing.push('pkg-config');
  if (!existsSync('/usr/include/gssapi/gssapi.h') && !existsSync('/usr/include/krb5.h')) missing.push('libkrb5-dev');
  return missing;
}

export function which(bin) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, bin))) return join(dir, bin);
  }
  return undefined;
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

/**
 * A throwaway copy of a folder, so tests can write files and settings without
 * touching the repository. The copy keeps the folder's name (it shows in the
 * window title and in screenshots).
 */
export function copyToTemp(src, prefix) {
  const parent = mkdtempSync(join(tmpdir(), prefix));
  const dest = join(parent, src.split('/').filter(Boolean).pop());
  cpSync(src, dest, { recursive: true });
  return { dir: dest, cleanup: () => rmSync(parent, { recursive: true, force: true }) };
}

/** User settings that keep the workbench quiet and deterministic. */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'chat.commandCenter.enabled': false,
    'git.enabled': false,
    'window.commandCenter': false,
    ...extra,
  };
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

export function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

// ---- mocha-style output -------------------------------------------------

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
export const green = (s) => paint(32, s);
export const red = (s) => paint(31, s);
export const gray = (s) => paint(90, s);
export const cyan = (s) => paint(36, s);

/**
 * Prints results shaped like mocha's spec reporter. `tests` are
 * `{ titlePath: string[], state: 'passed'|'failed'|'pending', duration, error? }`.
 * Returns `{ passed, failed, skipped }`.
 */
export function printSpec(tests, { heading, durationMs } = {}) {
  if (heading) console.log(`\n${heading}`);
  let prev = [];
  const failures = [];
  for (const t of tests) {
    const suites = t.titlePath.slice(0, -1);
    let common = 0;
    while (common < suites.length && common < prev.length && suites[common] === prev[common]) common++;
    for (let i = common; i < suites.length; i++) console.log(`${'  '.repeat(i + 1)}${suites[i]}`);
    prev = suites;
    const pad = '  '.repeat(suites.length + 1);
    const title = t.titlePath.at(-1);
    if (t.state === 'passed') {
      const ms = t.duration != null && t.duration > 75 ? gray(` (${t.duration}ms)`) : '';
      console.log(`${pad}${green('✔')} ${gray(title)}${ms}`);
    } else if (t.state === 'failed') {
      failures.push(t);
      console.log(`${pad}${red(`${failures.length}) ${title}`)}`);
    } else {
      console.log(`${pad}${cyan(`- ${title}`)}`);
    }
  }
  const passed = tests.filter((t) => t.state === 'passed').length;
  const skipped = tests.filter((t) => t.state === 'pending').length;
  const failed = failures.length;
  console.log('');
  console.log(green(`  ${passed} passing`) + (durationMs != null ? gray(` (${formatDuration(durationMs)})`) : ''));
  if (skipped) console.log(cyan(`  ${skipped} pending`));
  if (failed) console.log(red(`  ${failed} failing`));
  failures.forEach((t, i) => {
    console.log(`\n  ${i + 1}) ${t.titlePath.join('\n     ')}:`);
    const err = t.error ?? {};
    console.log(red(indent(`${err.message ?? 'failed'}`, 6)));
    if (err.stack) console.log(gray(indent(err.stack.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 6).join('\n'), 4)));
  });
  console.log('');
  return { passed, failed, skipped };
}

function indent(s, n) {
  return s.split('\n').map((l) => ' '.repeat(n) + l.trimStart()).join('\n');
}

export function formatDuration(ms) {
  return ms < 1000 ? `${ms}ms` : ms < 60000 ? `${Math.round(ms / 1000)}s` : `${Math.floor(ms / 60000)}m ${Math.round((ms % 60000) / 1000)}s`;
}

/** The closing line the CI reads: exactly `N passed, N failed` (`, N skipped` optional). */
export function closingLine({ passed, failed, skipped = 0 }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}
