#!/usr/bin/env node
// Installs code-server (a VS Code that runs from the npm registry) into
// .cache/code-server/, offline-safe and pinned. It is not a package.json
// dependency on purpose: its postinstall downloads ripgrep from GitHub, which
// fails without network, and `npm ci` would run it. DESIGN.md section 7 has the
// recipe; this file is that recipe plus a stamp so it runs once per machine.
//
//   node scripts/code-server/install-code-server.mjs [--force]
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, runOrThrow, which, formatDuration } from './lib.mjs';

export const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3, the last line that runs on Node 20
// Bump when the steps below change, so caches built by an older recipe are redone.
const RECIPE = 1;

export const cacheDir = join(repoRoot, '.cache', 'code-server');
const stampFile = join(cacheDir, 'stamp.json');
const wanted = { version: CODE_SERVER_VERSION, recipe: RECIPE, node: process.versions.modules, arch: `${process.platform}-${process.arch}` };

export function codeServerEntry(dir = cacheDir) {
  return join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function isInstalled() {
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    return Object.entries(wanted).every(([k, v]) => stamp[k] === v) && existsSync(codeServerEntry());
  } catch {
    return false;
  }
}

/**
 * Returns the path of code-server's entry script, installing it first when the
 * cache is missing or stale. Builds into a sibling folder and renames it into
 * place, so an interrupted install never leaves a half-built cache behind.
 */
export async function ensureCodeServer({ force = false, log = console.log } = {}) {
  if (!force && isInstalled()) return codeServerEntry();
  // Several runs in one tree (two terminals, an editor's test task) must not
  // replace the cache under each other: one installs, the others wait for it.
  await mkdirP(join(cacheDir, '..'));
  const release = await lock(log);
  try {
    if (!force && isInstalled()) return codeServerEntry();
    return await install(log);
  } finally {
    release();
  }
}

const lockDir = `${cacheDir}.lock`;
async function lock(log) {
  const deadline = Date.now() + 20 * 60 * 1000;
  let told = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    let holder = 0;
    try {
      holder = Number(readFileSync(join(lockDir, 'pid'), 'utf8').trim());
    } catch {
      // Just created and not yet stamped, or stamped by nobody for a minute.
      if (Date.now() - statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs < 60_000) {
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
    }
    if (!holder || !alive(holder)) {
      rmSync(lockDir, { recursive: true, force: true }); // left by a run that died
      continue;
    }
    if (Date.now() > deadline) throw new Error(`code-server install: ${lockDir} is held by pid ${holder} for too long`);
    if (!told) log(`  [code-server] waiting for pid ${holder}, which is installing code-server`);
    told = true;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

async function mkdirP(dir) {
  mkdirSync(dir, { recursive: true });
}

async function install(log) {
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep is missing: apt-get install ripgrep (code-server needs /usr/bin/rg; its own download needs GitHub)');

  const started = Date.now();
  const work = `${cacheDir}.partial-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'offload-code-server-cache', private: true }, null, 2));

  // Root needs unsafe-perm for lifecycle scripts; `yes` lets `npm rebuild` run
  // without prompting; no audit/fund chatter.
  const env = { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  const npm = (args, cwd) => runOrThrow('npm', args, { cwd, env, timeoutMs: 15 * 60 * 1000 });
  const step = (s) => log(`  [code-server] ${s} (${formatDuration(Date.now() - started)})`);

  step(`installing code-server@${CODE_SERVER_VERSION} without scripts`);
  await npm(['install', '--ignore-scripts', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], work);

  const top = join(work, 'node_modules', 'code-server');
  const vscode = join(top, 'lib', 'vscode');
  step('installing VS Code server dependencies');
  await npm(['install', '--omit=dev', '--ignore-scripts'], vscode);

  // @vscode/ripgrep's postinstall skips its GitHub download when bin/rg exists.
  const rgDir = join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  copyFileSync(rg, join(rgDir, 'rg'));
  chmodSync(join(rgDir, 'rg'), 0o755);

  step('building native modules');
  await npm(['rebuild'], vscode);

  // The rest of code-server's postinstall.sh, by hand.
  symlinkSync('node_modules', join(vscode, 'node_modules.asar'));
  symlinkSync('code-linux.sh', join(vscode, 'bin', 'remote-cli', 'code-server'));
  symlinkSync('browser-linux.sh', join(vscode, 'bin', 'helpers', 'browser.sh'));
  step('installing built-in extensions dependencies');
  await npm(['install', '--omit=dev'], join(vscode, 'extensions'));

  step('rebuilding argon2');
  await npm(['rebuild', 'argon2'], work);

  writeFileSync(join(work, 'stamp.json'), JSON.stringify({ ...wanted, installedAt: new Date().toISOString() }, null, 2));
  rmSync(cacheDir, { recursive: true, force: true });
  renameSync(work, cacheDir);
  step(`ready in ${cacheDir}`);
  return codeServerEntry();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureCodeServer({ force: process.argv.includes('--force') })
    .then((entry) => console.log(entry))
    .catch((err) => {
      console.error(err.message);
      process.exit(1);
    });
}
