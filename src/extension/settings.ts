/**
 * VS Code settings → the engine's `options` layer. Pure (no vscode import): the
 * host passes only values the user set explicitly, so a default never overrides
 * `.offload.yaml`. Bad values are dropped with a message for the output channel.
 */
import type { UserOptions } from '../engine';

export interface RawSettings {
  eksVersion?: unknown;
  regions?: unknown;
  rules?: unknown;
  ignore?: unknown;
  maxFileSizeBytes?: unknown;
}

export const SETTING_KEYS = ['eksVersion', 'regions', 'rules', 'ignore', 'maxFileSizeBytes'] as const;

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

export function settingsToOptions(raw: RawSettings): { options: UserOptions; problems: string[] } {
  const options: UserOptions = {};
  const problems: string[] = [];
  if (raw.eksVersion !== undefined) {
    const v = typeof raw.eksVersion === 'number' ? String(raw.eksVersion) : raw.eksVersion;
    if (typeof v === 'string' && (v === 'latest' || /^1\.\d+$/.test(v.trim()))) {
      if (v !== 'latest') options.eksVersion = v.trim();
    } else problems.push(`offload.eksVersion must be "latest" or a version such as "1.34", not ${JSON.stringify(raw.eksVersion)}`);
  }
  if (raw.regions !== undefined) {
    if (Array.isArray(raw.regions) && raw.regions.every((r) => typeof r === 'string')) {
      const regions = (raw.regions as string[]).map((r) => r.trim()).filter(Boolean);
      if (regions.length) options.regions = regions;
    } else problems.push('offload.regions must be a list of region codes, such as ["us-east-1"]');
  }
  if (raw.rules !== undefined) {
    if (raw.rules && typeof raw.rules === 'object' && !Array.isArray(raw.rules)) {
      const rules: NonNullable<UserOptions['rules']> = {};
      for (const [id, sev] of Object.entries(raw.rules as Record<string, unknown>)) {
        if (typeof sev === 'string' && SEVERITIES.has(sev)) rules[id] = sev as NonNullable<UserOptions['rules']>[string];
        else problems.push(`offload.rules["${id}"] must be one of error, warning, info, hint, off`);
      }
      if (Object.keys(rules).length) options.rules = rules;
    } else problems.push('offload.rules must map rule ids to a severity or "off"');
  }
  if (raw.ignore !== undefined) {
    if (Array.isArray(raw.ignore) && raw.ignore.every((g) => typeof g === 'string')) {
      const ignore = (raw.ignore as string[]).filter((g) => g.trim());
      if (ignore.length) options.ignore = ignore;
    } else problems.push('offload.ignore must be a list of glob patterns');
  }
  if (raw.maxFileSizeBytes !== undefined) {
    if (typeof raw.maxFileSizeBytes === 'number' && Number.isFinite(raw.maxFileSizeBytes) && raw.maxFileSizeBytes > 0) options.maxFileSizeBytes = raw.maxFileSizeBytes;
    else problems.push('offload.maxFileSizeBytes must be a positive number');
  }
  return { options, problems };
}
