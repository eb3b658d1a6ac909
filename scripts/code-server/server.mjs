// Starts code-server and headless Chromium for one suite, and tears both down.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, findChromium, freePort, killGroup, repoRoot, runOrThrow, stop, track, withDeadline, writeUserSettings } from './lib.mjs';
import { ensureCodeServer } from './install-code-server.mjs';

/**
 * A running code-server with its own throwaway user data, extensions and
 * config folders (nothing is written to $HOME). `close()` stops it and removes
 * the folders; it is safe to call twice.
 */
export async function startCodeServer({ extensionsDir, env = {}, settings = {}, log = () => {} } = {}) {
  const entry = await ensureCodeServer({ log });
  const home = mkdtempSync(join(tmpdir(), 'offload-cs-'));
  const userDataDir = join(home, 'user-data');
  const extDir = extensionsDir ?? join(home, 'extensions');
  mkdirSync(extDir, { recursive: true });
  writeUserSettings(userDataDir, settings);
  const config = join(home, 'config.yaml');
  writeFileSync(config, 'auth: none\n');
  const port = await freePort();
  const args = [
    entry,
    '--config', config,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--extensions-dir', extDir,
    '--user-data-dir', userDataDir,
  ];
  const childEnv = {
    ...process.env,
    XDG_DATA_HOME: join(home, 'xdg-data'),
    XDG_CONFIG_HOME: join(home, 'xdg-config'),
    XDG_CACHE_HOME: join(home, 'xdg-cache'),
    // A PASSWORD in the caller's environment would switch auth back on.
    PASSWORD: '',
    HASHED_PASSWORD: '',
    ...env,
  };
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const untrack = track(child);
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (/HTTP server listening on/.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`code-server exited (${signal ?? code}) before it listened:\n${tail(output)}`)));
    child.once('error', reject);
  });
  let closed = false;
  const server = {
    port,
    origin: `http://127.0.0.1:${port}`,
    home,
    userDataDir,
    extensionsDir: extDir,
    child,
    output: () => output,
    /** Tails of code-server's own output and of the extension host logs, for failure reports. */
    logs(lines = 40) {
      const parts = [`--- code-server output ---\n${tail(output, lines)}`];
      for (const file of findFiles(join(userDataDir, 'logs'), (f) => /exthost|remoteagent|renderer/i.test(f))) {
        parts.push(`--- ${file.slice(userDataDir.length + 1)} ---\n${tail(readFileSync(file, 'utf8'), lines)}`);
      }
      return parts.join('\n');
    },
    async close() {
      if (closed) return;
      closed = true;
      await stop(child);
      untrack();
      rmSync(home, { recursive: true, force: true });
    },
  };
  try {
    await withDeadline(ready, 60_000, 'code-server start');
  } catch (err) {
    killGroup(child, 'SIGKILL');
    await server.close();
    throw err;
  }
  return server;
}

/** Launches Debian's Chromium through playwright-core. Throws if there is none. */
export async function launchChromium() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found (apt-get install chromium)');
  const { chromium } = await import('playwright-core');
  const browser = await withDeadline(chromium.launch({ executablePath, headless: true, args: chromiumArgs }), 60_000, 'Chromium launch');
  return browser;
}

/** `?folder=` plus, for extension tests, the `payload` that code-server hands to the workbench. */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (payload.length) params.set('payload', JSON.stringify(payload));
  return `${server.origin}/?${params}`;
}

export function tail(text, lines = 40) {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function findFiles(dir, keep, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findFiles(p, keep, out);
    else if (keep(p) && p.endsWith('.log')) out.push(p);
  }
  return out;
}

/**
 * Runs code-server's CLI (e.g. `--install-extension x.vsix`) against
 * `extensionsDir`, with throwaway user data and config.
 */
export async function codeServerCli(args, { extensionsDir, timeoutMs = 120_000 } = {}) {
  const entry = await ensureCodeServer();
  const home = mkdtempSync(join(tmpdir(), 'offload-cs-cli-'));
  try {
    writeFileSync(join(home, 'config.yaml'), 'auth: none\n');
    const env = {
      ...process.env,
      XDG_DATA_HOME: join(home, 'xdg-data'),
      XDG_CONFIG_HOME: join(home, 'xdg-config'),
      XDG_CACHE_HOME: join(home, 'xdg-cache'),
    };
    const full = [entry, '--config', join(home, 'config.yaml'), '--user-data-dir', join(home, 'user-data'), '--extensions-dir', extensionsDir, ...args];
    return await runOrThrow(process.execPath, full, { env, timeoutMs });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
