/**
 * A small glob matcher for ignore patterns (`**`, `*`, `?`, `{a,b}`), so the pure
 * engine needs no dependency. Patterns without a slash match at any depth, as in
 * .gitignore.
 */
export function globToRegExp(glob: string, rooted = false): RegExp {
  let g = glob.trim().replace(/^\.\//, '');
  if (g.endsWith('/')) g += '**';
  // `rooted`: the caller knows the pattern is anchored (a .gitignore `/name`) even without a slash.
  const anchored = rooted || (g.includes('/') && !g.startsWith('**/'));
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') {
      if (g[i + 1] === '*') {
        re += g[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += g[i + 2] === '/' ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = g.indexOf('}', i);
      if (close > i) {
        re += '(?:' + g.slice(i + 1, close).split(',').map(escape).join('|') + ')';
        i = close;
      } else re += '\\{';
    } else re += escape(c);
  }
  return new RegExp((anchored ? '^' : '(?:^|/)') + re + '(?:/.*)?$');
}

function escape(s: string): string {
  return s.replace(/[.+^$()|[\]\\]/g, '\\$&');
}

const cache = new Map<string, RegExp>();
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  return globs.some((g) => {
    let re = cache.get(g);
    if (!re) cache.set(g, (re = globToRegExp(g)));
    return re.test(path);
  });
}
