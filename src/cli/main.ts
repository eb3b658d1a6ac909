import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError, one, parseArgs } from './args';
import { walk } from './walk';
import { analyze, parseConfig } from '../engine';
import type { AnalysisResult, InputFile, Severity, UserOptionsLike } from './cli-types';
import { formatTextLines } from './formats/text';
import { formatJsonChunks } from './formats/json';
import { formatSarifChunks } from './formats/sarif';
import { formatMarkdownLines } from './formats/markdown';
import { ruleDocs } from '../engine/rule-docs';
import { versionsCommand } from './commands/versions';
import { regionsCommand } from './commands/regions';
import { ENGINE_VERSION } from '../engine/version';
import { PARALLEL_MIN_FILES, analyzeParallel, jobsFor, readText, tracer } from './parallel';

const USAGE = `Usage: offload <command> [options]

Commands:
  scan [PATH...]        Analyse manifests under PATH (default: .) and recommend a platform per workload
  versions              The EKS Kubernetes version calendar, with each version's status today
  regions               The AWS region matrix: ECS, EKS, Fargate for ECS and for EKS
  rules                 List the rules

Scan options:
  --format text|json|sarif|markdown   Output format (default: text)
  --eks-version X.Y                   Target EKS version (default: .offload.yaml, an eksctl config, or the latest)
  --region CODE                       Target region; repeat for several
  --today YYYY-MM-DD                  Evaluate support dates as of this day
  --config FILE                       Use this .offload.yaml
  --fail-on error|warning|info|none   Exit 1 when a finding reaches this severity (default: error)
  --output FILE                       Write the report to FILE instead of standard output
  --jobs N|auto                       Threads for large scans, this one included (default: auto, one per core from ${PARALLEL_MIN_FILES} files or 40 MB)

Exit codes: 0 nothing reached --fail-on, 1 something did, 2 bad usage or an unreadable path.`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
  /** The real date, taken here in the host: the engine never reads the clock. */
  today: string;
  isTTY: boolean;
}

/** Runs a command and returns its exit code. Scans run on this thread. */
export function main(argv: string[], io: Io): number {
  return dispatch(argv, io, false) as number;
}

/** As {@link main}, but a large scan shares its files out to worker threads (`--jobs`). */
export function mainAsync(argv: string[], io: Io): Promise<number> {
  try {
    return Promise.resolve(dispatch(argv, io, true));
  } catch (e) {
    return Promise.reject(e);
  }
}

function dispatch(argv: string[], io: Io, threads: boolean): number | Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE + '\n');
        return cmd === undefined ? 2 : 0;
      case '--version':
      case '-v':
        io.out(`offload ${ENGINE_VERSION}\n`);
        return 0;
      case 'scan':
        return scan(rest, io, threads);
      case 'versions':
        return versionsCommand(withToday(rest, io.today), (l) => io.out(l + '\n'), (l) => io.err(l + '\n'));
      case 'regions':
        return regionsCommand(rest, (l) => io.out(l + '\n'), (l) => io.err(l + '\n'));
      case 'rules':
        return listRules(rest, io);
      default:
        // `offload examples` reads as `offload scan examples`, as users expect of a linter.
        if (!cmd.startsWith('-') && fs.existsSync(path.resolve(io.cwd, cmd))) return scan(argv, io, threads);
        if (cmd.startsWith('-')) return scan(argv, io, threads);
        throw new UsageError(`unknown command "${cmd}" (try: offload scan ${cmd})`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`offload: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function withToday(args: string[], today: string): string[] {
  return args.some((a) => a === '--today' || a.startsWith('--today=')) ? args : [...args, '--today', today];
}

const SEVERITY_RANK: Record<Severity | 'none', number> = { hint: 0, info: 1, warning: 2, error: 3, none: 99 };

function scan(argv: string[], io: Io, threads: boolean): number | Promise<number> {
  const p = parseArgs(argv, {
    format: { value: true },
    'eks-version': { value: true },
    region: { value: true, repeat: true },
    today: { value: true },
    config: { value: true },
    // Repeatable, last one wins: `npm run scan` passes `--fail-on none` first so the
    // quick start exits 0, and a user's own --fail-on after it still applies.
    'fail-on': { value: true, repeat: true },
    output: { value: true },
    'no-color': {},
    jobs: { value: true },
  });
  const format = one(p, 'format') ?? 'text';
  if (!['text', 'json', 'sarif', 'markdown'].includes(format)) throw new UsageError(`--format must be text, json, sarif or markdown, not "${format}"`);
  const failOn = (p.flags.get('fail-on')?.at(-1) ?? 'error') as Severity | 'none';
  if (!(failOn in SEVERITY_RANK) || failOn === 'hint') throw new UsageError(`--fail-on must be error, warning, info or none, not "${failOn}"`);
  const eksVersion = one(p, 'eks-version');
  if (eksVersion !== undefined && eksVersion !== 'latest' && !/^1\.\d+$/.test(eksVersion)) throw new UsageError(`--eks-version must look like 1.34 (or "latest"), not "${eksVersion}"`);
  const today = one(p, 'today');
  if (today !== undefined && !isIsoDate(today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${today}"`);
  const regions = p.flags.get('region');
  for (const r of regions ?? []) if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(r)) throw new UsageError(`--region "${r}" does not look like a region code such as us-east-1`);

  const roots = p.positional.length ? p.positional : ['.'];
  for (const r of roots) if (!fs.existsSync(path.resolve(io.cwd, r))) {
    io.err(`offload: cannot read ${r}: no such file or directory\n`);
    return 2;
  }
  const configArg = one(p, 'config');
  let configPath: string | undefined;
  if (configArg) {
    configPath = path.resolve(io.cwd, configArg);
    if (!fs.existsSync(configPath)) {
      io.err(`offload: cannot read config ${configArg}\n`);
      return 2;
    }
  } else {
    const firstDir = path.resolve(io.cwd, roots[0]);
    const dir = fs.statSync(firstDir).isDirectory() ? firstDir : path.dirname(firstDir);
    for (const d of [dir, io.cwd]) {
      const c = path.join(d, '.offload.yaml');
      if (fs.existsSync(c)) {
        configPath = c;
        break;
      }
    }
  }
  const configText = configPath ? fs.readFileSync(configPath, 'utf8') : undefined;
  // The config's globs are relative to its own folder; walked paths are relative to cwd.
  const ignoreFromConfig = configText && configPath ? rebaseGlobs(parseConfig(configText).options.ignore ?? [], toRel(io.cwd, path.dirname(configPath))) : [];
  const { files: paths, unreadable } = walk(roots, io.cwd, ignoreFromConfig);
  if (unreadable.length) {
    io.err(`offload: cannot read ${unreadable.map((u) => path.relative(io.cwd, u) || u).join(', ')}\n`);
    return 2;
  }
  const trace = process.env.OFFLOAD_TRACE ? tracer() : undefined;
  trace?.(`walked: ${paths.length} files`);
  const inputs: InputFile[] = [];
  for (const rel of paths) {
    try {
      inputs.push({ path: rel, text: readText(path.resolve(io.cwd, rel)) });
    } catch (e) {
      io.err(`offload: skipped ${rel}: ${(e as Error).message}\n`);
    }
  }
  const options: UserOptionsLike = {};
  if (eksVersion) options.eksVersion = eksVersion;
  if (regions?.length) options.regions = regions;
  if (today) options.today = today;
  const analyzeOptions = { options, configText, configPath: configPath ? toRel(io.cwd, configPath) : undefined, today: io.today };
  // Many files: share them out to worker threads, one per core (the same result).
  const jobsArg = one(p, 'jobs');
  if (jobsArg !== undefined && jobsArg !== 'auto' && !/^[1-9]\d{0,1}$/.test(jobsArg)) throw new UsageError(`--jobs must be a number of threads (1-99) or auto, not "${jobsArg}"`);
  const jobs = threads ? jobsFor(jobsArg, inputs) : 1;
  trace?.(`read; ${jobs} thread(s)`);
  // The texts are let go once the analysis is made: the report needs only the result.
  if (jobs > 1) {
    return analyzeParallel(inputs, analyzeOptions, jobs, io.cwd, { warn: (m) => io.err(`offload: ${m}\n`) }).then((result) => {
      inputs.length = 0;
      trace?.('analysed');
      const code = report(result, p, io, format, failOn);
      trace?.('reported');
      return code;
    });
  }
  const result = analyze(inputs, analyzeOptions);
  inputs.length = 0;
  trace?.('analysed');
  const code = report(result, p, io, format, failOn);
  trace?.('reported');
  return code;
}

/** Characters gathered before a write: few system calls, and never one giant string. */
const WRITE_CHUNK = 1 << 18;

/** Writes pieces of text to the output file or to standard output, gathered into chunks of about {@link WRITE_CHUNK}. */
function writePieces(pieces: Iterable<string>, output: string | undefined, io: Io): void {
  const fd = output ? fs.openSync(path.resolve(io.cwd, output), 'w') : undefined;
  const write = (s: string) => (fd === undefined ? io.out(s) : fs.writeSync(fd, s));
  try {
    let buf: string[] = [];
    let size = 0;
    for (const piece of pieces) {
      // A large piece goes out as it is: it dies young, and is never copied into a buffer.
      if (piece.length >= WRITE_CHUNK / 16) {
        if (size) write(buf.join(''));
        buf = [];
        size = 0;
        write(piece);
        continue;
      }
      buf.push(piece);
      size += piece.length;
      if (size >= WRITE_CHUNK) {
        write(buf.join(''));
        buf = [];
        size = 0;
      }
    }
    if (size) write(buf.join(''));
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Lines joined by line breaks, as pieces of a few hundred lines each. */
function* linePieces(lines: readonly string[], finalBreak: boolean): Generator<string> {
  for (let i = 0; i < lines.length; i += 512) yield (i ? '\n' : '') + lines.slice(i, i + 512).join('\n');
  if (finalBreak) yield '\n';
}

function report(result: AnalysisResult, p: ReturnType<typeof parseArgs>, io: Io, format: string, failOn: Severity | 'none'): number {
  const color = io.isTTY && !p.flags.has('no-color') && !process.env.NO_COLOR && !one(p, 'output');
  const threshold = SEVERITY_RANK[failOn];
  const code = result.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
  // Written in pieces: a large workspace's report is too big to build as one string.
  const pieces =
    format === 'json'
      ? formatJsonChunks(result)
      : format === 'sarif'
        ? formatSarifChunks(result, ruleDocs())
        : format === 'markdown'
          ? linePieces(formatMarkdownLines(result), false)
          : linePieces(formatTextLines(result, color), true);
  writePieces(pieces, one(p, 'output'), io);
  return code;
}

/**
 * Re-roots ignore globs written relative to `dir` (the config's folder) onto paths
 * relative to cwd. Anchored globs get the folder as a prefix; unanchored ones match at
 * any depth below it. Anchoring follows globToRegExp's rule.
 */
export function rebaseGlobs(globs: readonly string[], dir: string): string[] {
  if (dir === '.' || dir === '') return [...globs];
  return globs.map((raw) => {
    let g = raw.trim().replace(/^\.\//, '');
    const rooted = g.startsWith('/');
    if (rooted) g = g.slice(1);
    const anchored = rooted || (g.includes('/') && !g.startsWith('**/'));
    return anchored ? `${dir}/${g}` : `${dir}/**/${g.replace(/^\*\*\//, '')}`;
  });
}

function toRel(cwd: string, abs: string): string {
  return (path.relative(cwd, abs) || '.').split(path.sep).join('/');
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

function listRules(argv: string[], io: Io): number {
  const p = parseArgs(argv, { format: { value: true } });
  const docs = ruleDocs();
  if (one(p, 'format') === 'json') {
    io.out(JSON.stringify(docs, null, 2) + '\n');
    return 0;
  }
  const w = Math.max(...docs.map((d) => d.id.length));
  for (const d of docs) io.out(`${d.id.padEnd(w)}  ${d.defaultSeverity.padEnd(7)}  ${d.effect.padEnd(12)}  ${d.title}\n`);
  return 0;
}

if (require.main === module) {
  const code = mainAsync(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    today: new Date().toISOString().slice(0, 10),
    isTTY: !!process.stdout.isTTY,
  });
  code.then(
    (c) => (process.exitCode = c),
    (e: unknown) => {
      process.stderr.write(`offload: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
