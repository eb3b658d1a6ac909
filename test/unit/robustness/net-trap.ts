/**
 * Traps every way Node code can reach the network or run a program: net, tls, http,
 * https, http2, dns, dgram, fetch, WebSocket, child_process. A trapped call is
 * recorded (in memory, and appended to OFFLOAD_NET_TRAP_LOG so worker threads can
 * report too) and then fails, so nothing leaves the machine. `worker_threads.Worker`
 * is wrapped so workers start with the same trap; the scripts they load are recorded.
 */
import * as fs from 'node:fs';

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */

export interface Trap {
  /** What was attempted: "net.connect example.com:443", "child_process.spawn helm". */
  attempts: string[];
  /** Scripts that worker threads were started with. */
  workers: string[];
  restore(): void;
}

const LOG_ENV = 'OFFLOAD_NET_TRAP_LOG';

function describe(args: unknown[]): string {
  return args
    .slice(0, 2)
    .map((a) => {
      if (typeof a === 'string' || typeof a === 'number') return String(a);
      if (a && typeof a === 'object') {
        const o = a as Record<string, unknown>;
        return String(o.href ?? o.host ?? o.hostname ?? o.path ?? o.port ?? JSON.stringify(o).slice(0, 80));
      }
      return typeof a;
    })
    .join(' ');
}

export function installNetTrap(logFile = process.env[LOG_ENV]): Trap {
  const attempts: string[] = [];
  const workers: string[] = [];
  const undo: (() => void)[] = [];
  const record = (what: string) => {
    attempts.push(what);
    if (logFile) fs.appendFileSync(logFile, what + '\n');
  };
  const patch = (mod: any, name: string, label: string) => {
    if (!mod || typeof mod[name] !== 'function') return;
    const original = mod[name];
    mod[name] = function (...args: unknown[]) {
      record(`${label} ${describe(args)}`);
      throw new Error(`${label} is blocked: Offload must not reach the network or run programs`);
    };
    undo.push(() => {
      mod[name] = original;
    });
  };
  const net = require('node:net');
  patch(net, 'connect', 'net.connect');
  patch(net, 'createConnection', 'net.createConnection');
  patch(net.Socket.prototype, 'connect', 'net.Socket.connect');
  patch(net, 'createServer', 'net.createServer');
  patch(require('node:tls'), 'connect', 'tls.connect');
  for (const [m, label] of [
    [require('node:http'), 'http'],
    [require('node:https'), 'https'],
  ] as const) {
    patch(m, 'request', `${label}.request`);
    patch(m, 'get', `${label}.get`);
    patch(m, 'createServer', `${label}.createServer`);
  }
  patch(require('node:http2'), 'connect', 'http2.connect');
  const dns = require('node:dns');
  for (const k of Object.keys(dns).filter((k) => /^(lookup|resolve)/.test(k))) patch(dns, k, `dns.${k}`);
  for (const k of Object.keys(dns.promises).filter((k) => /^(lookup|resolve)/.test(k))) patch(dns.promises, k, `dns.promises.${k}`);
  patch(dns.Resolver.prototype, 'resolve', 'dns.Resolver.resolve');
  patch(require('node:dgram'), 'createSocket', 'dgram.createSocket');
  const cp = require('node:child_process');
  for (const k of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) patch(cp, k, `child_process.${k}`);
  for (const k of ['fetch', 'WebSocket', 'EventSource']) patch(globalThis, k, k);

  const wt = require('node:worker_threads');
  const RealWorker = wt.Worker;
  const trapPath = __filename;
  class TrappedWorker extends RealWorker {
    constructor(file: string | URL, opts: Record<string, unknown> = {}) {
      const script = String(file);
      workers.push(opts.eval ? '(eval)' : script);
      // Start the worker with the trap installed, then load what it was given.
      const boot = `require(${JSON.stringify(trapPath)}).installNetTrap(${JSON.stringify(logFile ?? '')} || undefined);` + (opts.eval ? script : `require(${JSON.stringify(script)});`);
      super(boot, { ...opts, eval: true });
    }
  }
  wt.Worker = TrappedWorker;
  undo.push(() => {
    wt.Worker = RealWorker;
  });

  return {
    attempts,
    workers,
    restore: () => {
      for (const u of undo.reverse()) u();
    },
  };
}
