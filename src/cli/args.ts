/** A small, strict argument parser: unknown flags are usage errors, not silently ignored. */
export class UsageError extends Error {}

export interface FlagSpec {
  /** Takes a value. */
  value?: boolean;
  /** May repeat (values collected in order). */
  repeat?: boolean;
}

export interface Parsed {
  positional: string[];
  flags: Map<string, string[]>;
}

export function parseArgs(argv: string[], spec: Record<string, FlagSpec>): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = (eq > 0 ? a.slice(0, eq) : a).replace(/^--?/, '');
    const s = spec[name];
    if (!s) throw new UsageError(`unknown option ${a.slice(0, eq > 0 ? eq : undefined)}`);
    let value = 'true';
    if (s.value) {
      if (eq > 0) value = a.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      else throw new UsageError(`option --${name} needs a value`);
    } else if (eq > 0) throw new UsageError(`option --${name} takes no value`);
    const list = flags.get(name) ?? [];
    if (list.length && !s.repeat) throw new UsageError(`option --${name} given twice`);
    list.push(value);
    flags.set(name, list);
  }
  return { positional, flags };
}

export function one(p: Parsed, name: string): string | undefined {
  return p.flags.get(name)?.[0];
}
