import type { SourceNode } from '../source/source-node';
import { str } from '../source/source-node';
import type { Effect, Severity } from '../types';
import type { OffsetEdit } from '../rules/define-rule';
import { endOfLine, insertIntoBlockMap, lineBreakAt, removeEntryLines, startOfLine } from '../fix/yaml-edits';

/**
 * Whether a task definition asks to be validated for Fargate. Findings that AWS
 * would reject at registration are errors there; elsewhere they say what a move
 * to Fargate would take.
 */
export function targetsFargate(task: SourceNode): boolean {
  return (task.get('requiresCompatibilities')?.items() ?? []).some((n) => str(n) === 'FARGATE');
}

/** The OS family of the task: Windows tasks have their own Fargate limits. */
export function taskOs(task: SourceNode): 'LINUX' | 'WINDOWS' {
  const fam = str(task.at('runtimePlatform', 'operatingSystemFamily')) ?? 'LINUX';
  return fam.toUpperCase().startsWith('WINDOWS') ? 'WINDOWS' : 'LINUX';
}

/**
 * The severity for an ECS finding about Fargate: an error where the task definition
 * declares FARGATE (AWS rejects it at registration), otherwise info, because it only
 * matters for a move. Advice is never louder than info.
 */
export function fargateSeverity(task: SourceNode, effect: Effect = 'needs-change'): Severity {
  if (effect === 'advice') return 'info';
  return targetsFargate(task) ? 'error' : 'info';
}

/** True for a value that turns a feature on: `true`, a non-empty string, list or map, a number. */
export function isSet(n: SourceNode | undefined): n is SourceNode {
  if (!n) return false;
  if (n.kind === 'seq') return n.items().length > 0;
  if (n.kind === 'map') return n.entries().length > 0;
  const v = n.value;
  if (v === null || v === undefined || v === false) return false;
  if (typeof v === 'string') return v.trim() !== '';
  return true;
}

/*
 * Fargate facts that the knowledge modules do not carry yet (they are generated from
 * ../shared/data/fargate-constraints.md, which states them in prose). Kept here, next to
 * the rules that use them, with the source of each.
 */

/**
 * The only capability Fargate lets a container add (platform 1.4.0+). ECS spells
 * capabilities without the CAP_ prefix; the Fargate page writes CAP_SYS_PTRACE and
 * compose accepts both, so both are read. [ECS-FG-now]
 */
export function isFargateCapability(name: string): boolean {
  return name.trim().toUpperCase().replace(/^CAP_/, '') === 'SYS_PTRACE';
}

/** operatingSystemFamily values the Fargate guide lists. [ECS-FG] */
export const FARGATE_OS_FAMILIES = ['LINUX', 'WINDOWS_SERVER_2019_FULL', 'WINDOWS_SERVER_2019_CORE', 'WINDOWS_SERVER_2022_FULL', 'WINDOWS_SERVER_2022_CORE'] as const;

/** In the ECS API enum, but no stored document confirms them on Fargate. [ECS-API RuntimePlatform] */
export const UNCONFIRMED_FARGATE_OS_FAMILIES = ['WINDOWS_SERVER_2025_FULL', 'WINDOWS_SERVER_2025_CORE'] as const;

/** cpuArchitecture values; ARM64 is Linux only. [ECS-FG], [ECS-API RuntimePlatform] */
export const CPU_ARCHITECTURES = ['X86_64', 'ARM64'] as const;

/** requiresCompatibilities values. [ECS-API TaskDefinition] */
export const COMPATIBILITIES = ['EC2', 'FARGATE', 'EXTERNAL'] as const;

/** The port Fargate reserves in Windows tasks. [ECS-TDP] */
export const WINDOWS_RESERVED_PORT = 3150;

/**
 * Host paths that give a container the host itself (its Docker daemon, kernel
 * interfaces, devices, logs) rather than data. Fargate has no host to give, so these
 * block a move, where a data directory only needs EFS or the image instead.
 */
const HOST_SYSTEM_PATHS = [
  '/var/run/docker.sock', '/run/docker.sock', '/var/run/containerd', '/run/containerd', '/var/lib/docker',
  '/proc', '/sys', '/dev', '/lib/modules', '/boot', '/var/log', '/var/lib/kubelet',
];

export function isHostSystemPath(path: string): boolean {
  const p = path.trim().replace(/\/+$/, '') || '/';
  if (p === '/') return true;
  if (/^\\\\\.\\pipe\\docker_engine$/i.test(p)) return true; // Windows' Docker named pipe
  return HOST_SYSTEM_PATHS.some((s) => p === s || p.startsWith(s + '/'));
}

/*
 * Minimal JSON edits. fix/json-edits.ts indents with spaces only; these copy the
 * sibling's own leading whitespace, so tab-indented task definitions stay tabbed, and
 * they step over comments (jsonc) instead of moving them.
 */

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the line break that ends the line holding `offset` (or the text's end). */
function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** Just past the line break after `offset`. */
function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** The whitespace before `offset` on its line, when nothing else precedes it there. */
function leadingIndent(text: string, offset: number): string | undefined {
  const before = text.slice(lineStartOf(text, offset), offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** Skips whitespace and comments forward. */
function skipTrivia(text: string, pos: number): number {
  let i = pos;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else {
      return i;
    }
  }
}

/** Only blanks (and at most a comment) between `from` and the end of its line. */
function restOfLineIsBlank(text: string, from: number): boolean {
  return /^[ \t]*$/.test(text.slice(from, lineEndOf(text, from)));
}

/**
 * Adds properties at the end of a JSON object, each on its own line indented like the
 * first property (tabs or spaces as written), or inline for a one-line object. A comment
 * after the last property stays on that property's line.
 */
export function insertJsonProperties(text: string, obj: SourceNode, props: [key: string, valueJson: string][]): OffsetEdit[] {
  // A task definition written as YAML: `key: value` lines (JSON values are valid YAML).
  if (isYamlBlock(text, obj)) {
    const e = insertIntoBlockMap(text, obj, props.map(([k, v]) => `${k}: ${v}`));
    return e ? [e] : [];
  }
  const entries = obj.entries();
  const pairs = props.map(([k, v]) => `${JSON.stringify(k)}: ${v}`);
  if (entries.length === 0) return [{ start: obj.start + 1, end: obj.start + 1, newText: ` ${pairs.join(', ')} ` }];
  const first = entries[0];
  const last = entries[entries.length - 1];
  const indent = leadingIndent(text, first.keyStart ?? first.start);
  if (indent === undefined) return [{ start: last.end, end: last.end, newText: pairs.map((p) => `, ${p}`).join('') }];
  const eol = eolOf(text);
  const afterLast = skipTrivia(text, last.end);
  const lineEnd = lineEndOf(text, last.end);
  // A trailing comma on the last property's own line is kept as the file's style.
  const trailingComma = text[afterLast] === ',' && afterLast < lineEnd;
  // Anything but blanks, a comma and a comment after the last value (a closing brace on
  // the same line, say) means the new lines go straight after the value.
  const rest = text.slice(last.end, lineEnd);
  const tidy = /^\s*,?\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(rest);
  const body = pairs.map((p) => `${eol}${indent}${p}`).join(',');
  // One edit when nothing sits between the value and the line break: two inserts at one
  // offset would depend on the order a host applies them in.
  if (!tidy || lineEnd === last.end) return [{ start: last.end, end: last.end, newText: `,${body}` }];
  if (trailingComma) return [{ start: lineEnd, end: lineEnd, newText: `${body},` }];
  return [
    { start: last.end, end: last.end, newText: ',' },
    { start: lineEnd, end: lineEnd, newText: body },
  ];
}

/**
 * Adds a value at the end of a JSON array, matching its one-line or one-item-per-line
 * layout; in a YAML block sequence, a `- value` line like the last item's. Empty when
 * the last YAML item is not a one-line scalar (no safe place for the line).
 */
export function appendJsonArrayItem(text: string, arr: SourceNode, valueJson: string): OffsetEdit[] {
  const items = arr.items();
  if (isYamlBlock(text, arr)) {
    const last = items[items.length - 1];
    if (!last || last.kind !== 'scalar') return [];
    const lineStart = startOfLine(text, last.start);
    const prefix = text.slice(lineStart, last.start);
    if (!/^[ ]*- +$/.test(prefix) || /[\r\n]/.test(text.slice(last.start, last.end))) return [];
    const at = endOfLine(text, Math.max(last.end - 1, last.start));
    const eol = lineBreakAt(text, last.start);
    const lead = at === text.length && !/[\r\n]$/.test(text) ? eol : '';
    return [{ start: at, end: at, newText: `${lead}${prefix}${valueJson}${eol}` }];
  }
  if (items.length === 0) return [{ start: arr.start + 1, end: arr.start + 1, newText: valueJson }];
  const last = items[items.length - 1];
  const indent = leadingIndent(text, items[0].start);
  if (indent === undefined) return [{ start: last.end, end: last.end, newText: `, ${valueJson}` }];
  return [{ start: last.end, end: last.end, newText: `,${eolOf(text)}${indent}${valueJson}` }];
}

/** A YAML block map or sequence (not JSON, not YAML flow style, which takes JSON edits). */
function isYamlBlock(text: string, node: SourceNode): boolean {
  const c = text[node.start];
  return (node.kind === 'map' && c !== '{') || (node.kind === 'seq' && c !== '[');
}

/**
 * Removes a property (pass its value node) or an array item, with the one comma that
 * separates it from its neighbours. A member alone on its line(s) takes its lines with
 * it; comments before and after it are kept.
 */
export function removeJsonMember(text: string, node: SourceNode): OffsetEdit[] {
  const parent = node.parent;
  if (parent && isYamlBlock(text, parent)) {
    if (parent.kind === 'map') return [removeEntryLines(text, node)];
    const e = removeYamlSeqItem(text, node);
    return e ? [e] : [];
  }
  const siblings = parent ? (parent.kind === 'map' ? parent.entries() : parent.items()) : [node];
  const idx = siblings.findIndex((s) => s.start === node.start);
  const start = node.keyStart ?? node.start;
  const end = node.end;
  const ownLine = leadingIndent(text, start) !== undefined;
  const afterValue = skipTrivia(text, end);
  if (text[afterValue] === ',') {
    // Take the comma that follows (also a trailing comma after the last member).
    const commaEnd = afterValue + 1;
    if (text.slice(end, afterValue).trim() !== '') {
      // A comment sits between the value and its comma: keep it, drop the two pieces.
      return [{ start, end, newText: '' }, { start: afterValue, end: commaEnd, newText: '' }];
    }
    if (ownLine && restOfLineIsBlank(text, commaEnd)) {
      return [{ start: lineStartOf(text, start), end: nextLineStart(text, commaEnd), newText: '' }];
    }
    return [{ start, end: skipBlanks(text, commaEnd), newText: '' }];
  }
  // The last member: take the comma before it instead.
  const prev = idx > 0 ? siblings[idx - 1] : undefined;
  const commaBefore = prev ? skipTrivia(text, prev.end) : -1;
  const comma: OffsetEdit[] = prev !== undefined && text[commaBefore] === ',' ? [{ start: commaBefore, end: commaBefore + 1, newText: '' }] : [];
  if (ownLine) {
    if (restOfLineIsBlank(text, end)) return [...comma, { start: lineStartOf(text, start), end: nextLineStart(text, end), newText: '' }];
    // A comment after the member stays on its own line.
    return [...comma, { start, end: skipBlanks(text, end), newText: '' }];
  }
  if (comma.length && text.slice(commaBefore + 1, start).trim() === '') return [{ start: commaBefore, end, newText: '' }];
  return [...comma, { start, end, newText: '' }];
}

function skipBlanks(text: string, pos: number): number {
  let e = pos;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  return e;
}

/** Removes one item line of a YAML block sequence (`- x`), or nothing for flow style or a lone item. */
export function removeYamlSeqItem(text: string, item: SourceNode): OffsetEdit | undefined {
  const seq = item.parent;
  if (!seq || seq.kind !== 'seq' || seq.items().length < 2) return undefined;
  const lineStart = lineStartOf(text, item.start);
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, item.start))) return undefined;
  if (item.kind !== 'scalar') return undefined;
  return { start: lineStart, end: nextLineStart(text, item.end), newText: '' };
}
