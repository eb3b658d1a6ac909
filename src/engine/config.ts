import { isMap, isPair, isScalar, parseDocument, visit } from 'yaml';
import { MAX_NESTING, maskDeepNesting } from './source/yaml-source';
import type { Severity } from './types';
import { eksSupportStatus, latestEksVersion, eksVersion as lookupEksVersion, normalizeEksVersion } from './knowledge';

export type RuleSetting = Severity | 'off';

/** What a user can set: in `.offload.yaml`, VS Code settings or CLI flags. */
export interface UserOptions {
  /** `latest` or `X.Y`. */
  eksVersion?: string;
  regions?: string[];
  /** ISO date; tests pin it, hosts default it to the real date. */
  today?: string;
  rules?: Record<string, RuleSetting>;
  ignore?: string[];
  /** Files larger than this are skipped with an info note. */
  maxFileSizeBytes?: number;
}

export interface ResolvedOptions {
  eksVersion: string;
  eksVersionSource: 'option' | 'config' | 'eksctl' | 'latest';
  regions: string[];
  regionsSource: 'option' | 'config' | 'eksctl' | 'default';
  today: string;
  rules: Record<string, RuleSetting>;
  ignore: string[];
  maxFileSizeBytes: number;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
export const DEFAULT_REGION = 'us-east-1';
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

export interface ConfigProblem {
  message: string;
  start: number;
  end: number;
}

/**
 * Reads `.offload.yaml`. Unknown keys and bad values become problems (shown as
 * findings on the config file), never exceptions; the valid parts still apply.
 */
export function parseConfig(text: string): { options: UserOptions; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const options: UserOptions = {};
  // A config nobody writes by hand can still arrive: mask what is nested deeper than
  // any real setting, as the manifest parser does, so parsing can neither hang nor
  // overflow the stack.
  const masked = maskDeepNesting(text, MAX_NESTING);
  for (const [start, end] of masked.cuts) problems.push({ message: '.offload.yaml is nested too deeply: the inner part was skipped', start, end: Math.max(start + 1, Math.min(end, start + 1)) });
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(masked.text, { prettyErrors: false });
  } catch (e) {
    problems.push({ message: `.offload.yaml could not be read: ${(e as Error).message}`, start: 0, end: Math.min(text.length, 1) });
    return { options, problems };
  }
  for (const e of doc.errors) problems.push({ message: e.message.split('\n')[0], start: e.pos[0], end: e.pos[1] });
  // toJS() stringifies collection keys, which is exponential in their depth; settings
  // never have them, so such a file is reported instead of converted.
  let collectionKey = false;
  visit(doc, {
    Pair(_, pair) {
      if (pair.key !== null && pair.key !== undefined && !isScalar(pair.key)) {
        collectionKey = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (collectionKey) {
    problems.push({ message: '.offload.yaml has a map or list used as a key; settings are plain names', start: 0, end: Math.min(text.length, 1) });
    return { options, problems };
  }
  const js = safeJs(doc);
  if (js === undefined || js === null) return { options, problems };
  if (typeof js !== 'object' || Array.isArray(js)) {
    problems.push({ message: '.offload.yaml must be a map of settings', start: 0, end: Math.min(text.length, 1) });
    return { options, problems };
  }
  // Problems point at the key as parsed (quoted, flow style or indented alike); a key
  // is never turned into a RegExp, since a user's `(` would throw.
  const at = (key: string, sub?: string) => {
    let node = keyNode(doc.contents, key);
    if (node && sub !== undefined) node = keyNode(isPair(node.pair) ? node.pair.value : undefined, sub) ?? node;
    return node ? { start: node.range[0], end: node.range[1] } : { start: 0, end: 0 };
  };
  const o = js as Record<string, unknown>;
  for (const [key, value] of Object.entries(o)) {
    switch (key) {
      case 'eksVersion': {
        // Unquoted, `eksVersion: 1.30` is the float 1.3. Every EKS minor has two digits, so
        // read it as the user meant (as the knowledge layer does) rather than as EKS 1.3.
        const v = typeof value === 'number' ? normalizeEksVersion(value) : value;
        if (typeof v === 'string' && (v === 'latest' || /^1\.\d+$/.test(v))) options.eksVersion = v;
        else problems.push({ message: `eksVersion must be "latest" or a version such as "1.34", not ${JSON.stringify(value)}`, ...at(key) });
        break;
      }
      case 'regions':
        if (Array.isArray(value) && value.every((r) => typeof r === 'string')) options.regions = value as string[];
        else if (typeof value === 'string') options.regions = [value];
        else problems.push({ message: 'regions must be a list of region codes, such as [us-east-1]', ...at(key) });
        break;
      case 'today':
        if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) options.today = value;
        else problems.push({ message: 'today must be a date written YYYY-MM-DD', ...at(key) });
        break;
      case 'rules':
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          options.rules = {};
          for (const [id, sev] of Object.entries(value as Record<string, unknown>)) {
            if (typeof sev === 'string' && SEVERITIES.has(sev)) options.rules[id] = sev as RuleSetting;
            else problems.push({ message: `rules.${id} must be one of error, warning, info, hint, off`, ...at('rules', id) });
          }
        } else problems.push({ message: 'rules must map rule ids to a severity or off', ...at(key) });
        break;
      case 'ignore':
        if (Array.isArray(value) && value.every((r) => typeof r === 'string')) options.ignore = value as string[];
        else problems.push({ message: 'ignore must be a list of glob patterns', ...at(key) });
        break;
      case 'maxFileSizeBytes':
        if (typeof value === 'number' && value > 0) options.maxFileSizeBytes = value;
        else problems.push({ message: 'maxFileSizeBytes must be a positive number', ...at(key) });
        break;
      default:
        problems.push({ message: `Unknown setting "${key}" in .offload.yaml`, ...at(key) });
    }
  }
  return { options, problems };
}

function keyNode(map: unknown, key: string): { range: [number, number]; pair: unknown } | undefined {
  if (!isMap(map)) return undefined;
  for (const pair of map.items) {
    const k = pair.key;
    if (isScalar(k) && String(k.value) === key && k.range) return { range: [k.range[0], k.range[1]], pair };
  }
  return undefined;
}

function safeJs(doc: ReturnType<typeof parseDocument>): unknown {
  try {
    return doc.toJS({ maxAliasCount: 50 });
  } catch {
    return undefined;
  }
}

/**
 * Merges the layers. The target EKS version comes, in order, from the option
 * (CLI flag or VS Code setting), then `.offload.yaml`, then an eksctl ClusterConfig
 * in the workspace, then the latest EKS version released by `today`.
 */
export function resolveOptions(layers: { option?: UserOptions; config?: UserOptions; eksctl?: { version?: string; region?: string } }, today: string): ResolvedOptions {
  const option = layers.option ?? {};
  const config = layers.config ?? {};
  const day = option.today ?? config.today ?? today;
  const pick = (v: string | undefined) => (v && v !== 'latest' ? v : undefined);
  // An explicit `latest` (flag or config) is a choice too: it beats the layers below it.
  const latestWins = option.eksVersion === 'latest' || (!pick(option.eksVersion) && config.eksVersion === 'latest');
  // An eksctl `version: 1.30` written unquoted reaches us as the string "1.3".
  const ev = layers.eksctl?.version;
  const eksctlVersion = ev ? (lookupEksVersion(ev) ?? (/^\d+\.\d$/.test(ev) ? lookupEksVersion(Number(ev)) : undefined))?.version : undefined;
  let eksVersion: string;
  let eksVersionSource: ResolvedOptions['eksVersionSource'];
  if (latestWins) [eksVersion, eksVersionSource] = [latestEksVersion(day)?.version ?? '1.34', 'latest'];
  else if (pick(option.eksVersion)) [eksVersion, eksVersionSource] = [option.eksVersion!, 'option'];
  else if (pick(config.eksVersion)) [eksVersion, eksVersionSource] = [config.eksVersion!, 'config'];
  else if (eksctlVersion) [eksVersion, eksVersionSource] = [eksctlVersion, 'eksctl'];
  else [eksVersion, eksVersionSource] = [latestEksVersion(day)?.version ?? '1.34', 'latest'];
  let regions: string[];
  let regionsSource: ResolvedOptions['regionsSource'];
  if (option.regions?.length) [regions, regionsSource] = [option.regions, 'option'];
  else if (config.regions?.length) [regions, regionsSource] = [config.regions, 'config'];
  else if (layers.eksctl?.region) [regions, regionsSource] = [[layers.eksctl.region], 'eksctl'];
  else [regions, regionsSource] = [[DEFAULT_REGION], 'default'];
  return {
    eksVersion,
    eksVersionSource,
    regions,
    regionsSource,
    today: day,
    rules: { ...(config.rules ?? {}), ...(option.rules ?? {}) },
    ignore: [...(config.ignore ?? []), ...(option.ignore ?? [])],
    maxFileSizeBytes: option.maxFileSizeBytes ?? config.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE,
  };
}

/** Whether the target version is past standard support, for status bars and summaries. */
export function targetSupport(o: ResolvedOptions) {
  return eksSupportStatus(o.eksVersion, o.today);
}
