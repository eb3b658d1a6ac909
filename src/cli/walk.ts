import * as fs from 'node:fs';
import * as path from 'node:path';
import { globToRegExp } from '../engine/glob';

/** Names that can hold manifests. Content decides the format; this only limits the walk. */
const CANDIDATE = /(\.ya?ml|\.json|(^|[./-])(Docker|Container)file([.-][\w.-]+)?|\.dockerfile)$/i;
const ALWAYS_SKIP = new Set(['node_modules', '.git', '.hg', '.svn', '.cache', '.terraform', '.vscode-test']);

interface IgnoreRule {
  base: string;
  re: RegExp;
  negate: boolean;
  dirOnly: boolean;
}

/**
 * Walks the given paths and returns candidate files, respecting .gitignore files
 * (at every level, with negation), node_modules and the config's ignore globs.
 * Paths come back relative to `cwd`, with forward slashes.
 */
export function walk(roots: string[], cwd: string, ignoreGlobs: string[]): { files: string[]; unreadable: string[] } {
  const files: string[] = [];
  const unreadable: string[] = [];
  const extra = ignoreGlobs.map((g) => globToRegExp(g));
  const seen = new Set<string>();

  const visit = (abs: string, rules: IgnoreRule[], explicit: boolean) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      if (explicit) unreadable.push(abs);
      return;
    }
    const rel = toRel(cwd, abs);
    if (!explicit && (ignored(rules, abs, st.isDirectory()) || extra.some((re) => re.test(rel)))) return;
    if (st.isDirectory()) {
      if (!explicit && ALWAYS_SKIP.has(path.basename(abs))) return;
      const here = [...rules, ...readGitignore(abs)];
      let names: string[];
      try {
        names = fs.readdirSync(abs).sort();
      } catch {
        unreadable.push(abs);
        return;
      }
      for (const n of names) visit(path.join(abs, n), here, false);
    } else if (st.isFile() && (explicit || CANDIDATE.test(path.basename(abs)))) {
      if (path.basename(abs) === '.offload.yaml') return;
      if (!seen.has(abs)) {
        seen.add(abs);
        files.push(rel);
      }
    }
  };
  for (const r of roots) {
    const abs = path.resolve(cwd, r);
    visit(abs, ancestorsGitignore(abs, cwd), true);
  }
  return { files, unreadable };
}

function toRel(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs) || '.';
  return rel.split(path.sep).join('/');
}

function readGitignore(dir: string): IgnoreRule[] {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return [];
  }
  const out: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    // A leading slash anchors the pattern at this folder, even with no other slash in it.
    const rooted = line.startsWith('/');
    if (rooted) line = line.slice(1);
    else if (!line.includes('/')) line = '**/' + line;
    out.push({ base: dir, re: globToRegExp(line, rooted), negate, dirOnly });
  }
  return out;
}

/** .gitignore files in the folders between cwd and a root also apply to it. */
function ancestorsGitignore(abs: string, cwd: string): IgnoreRule[] {
  const rel = path.relative(cwd, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return [];
  const rules: IgnoreRule[] = [];
  let dir = cwd;
  rules.push(...readGitignore(dir));
  for (const part of rel.split(path.sep).slice(0, -1)) {
    dir = path.join(dir, part);
    rules.push(...readGitignore(dir));
  }
  return rules;
}

function ignored(rules: IgnoreRule[], abs: string, isDir: boolean): boolean {
  let result = false;
  for (const r of rules) {
    if (r.dirOnly && !isDir) continue;
    const rel = path.relative(r.base, abs).split(path.sep).join('/');
    if (rel.startsWith('..')) continue;
    if (r.re.test(rel)) result = !r.negate;
  }
  return result;
}
