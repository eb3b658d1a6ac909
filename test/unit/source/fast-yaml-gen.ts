/**
 * Random YAML in and around the fast reader's subset, for the differential test:
 * block maps and sequences (compact and same-indent ones), scalars of every core-schema
 * type, quoted and flow values, block scalars, empty values, and comment and blank
 * lines at random columns between everything, which is where yaml's ranges are subtle.
 * Some lines are deliberately off (odd indents, stray text) so the reader's refusals
 * are exercised too.
 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCALARS = ['web', 'nginx:1.27', 'a b c', '1', '-2', '0o17', '0x1F', '1.5', '1e3', '.inf', '.NaN', 'true', 'False', 'null', '~', 'yes', 'http://x.io/a#b', 'a#b', '-x', ':y', '?z', '"q"', "'s'", "'it''s'", '"a b"', '[]', '{}', '[a, "b", 1]', '{a: 1, b: [x, y]}', '[{name: a}, {name: b}]', '""', "''", '12Mi', '500m', '0.25', '+1', '.5', '5.', 'x:y', 'é', '"🙂"'];
const KEYS = ['name', 'image', 'app.kubernetes.io/name', 'a b', '1', '"quoted key"', "'single'", 'true', 'x', 'y', 'z', 'k8s'];

export function randomYaml(seed: number): string {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const lines: string[] = [];
  const trivia = (indent: number) => {
    while (r() < 0.25) {
      const k = r() < 0.5 ? Math.floor(r() * (indent + 4)) : indent;
      lines.push(r() < 0.4 ? ' '.repeat(Math.floor(r() * 3)) : `${' '.repeat(k)}# c${Math.floor(r() * 9)}`);
    }
  };
  const sp = () => (r() < 0.2 ? '  ' : ' ');
  const tail = () => (r() < 0.15 ? `${sp()}# t` : r() < 0.05 ? '  ' : '');
  const block = (indent: number, depth: number): void => {
    const asSeq = r() < 0.35;
    const n = 1 + Math.floor(r() * 4);
    const usedKeys = new Set<string>();
    for (let i = 0; i < n; i++) {
      trivia(indent);
      const pad = ' '.repeat(indent);
      if (asSeq) {
        const roll = r();
        if (roll < 0.3 && depth < 4) {
          // `- key: value` and more keys at the key's column.
          const extra = r() < 0.2 ? '  ' : '';
          const keys = [pick(KEYS), pick(KEYS)].filter((k, j, a) => a.indexOf(k) === j);
          lines.push(`${pad}-${' '}${extra}${keys[0]}:${sp()}${pick(SCALARS)}${tail()}`);
          for (const k of keys.slice(1)) {
            trivia(indent + 2 + extra.length);
            lines.push(`${' '.repeat(indent + 2 + extra.length)}${k}: ${pick(SCALARS)}${tail()}`);
          }
        } else if (roll < 0.45 && depth < 4) {
          lines.push(`${pad}-${tail()}`);
          trivia(indent);
          block(indent + 2, depth + 1);
        } else if (roll < 0.52) {
          lines.push(`${pad}-${tail()}`);
        } else if (roll < 0.6) {
          lines.push(`${pad}- ${pick(['|', '|-', '>', '>-'])}${tail()}`);
          blockScalar(indent + 2 + (r() < 0.2 ? 2 : 0));
        } else lines.push(`${pad}- ${pick(SCALARS)}${tail()}`);
      } else {
        let key = pick(KEYS);
        while (usedKeys.has(key)) key = pick(KEYS) + i;
        usedKeys.add(key);
        const roll = r();
        if (roll < 0.35 && depth < 4) {
          lines.push(`${pad}${key}:${tail()}`);
          trivia(indent);
          block(indent + (r() < 0.3 ? 0 : 2), depth + 1);
        } else if (roll < 0.42) {
          lines.push(`${pad}${key}:${tail()}`);
        } else if (roll < 0.5) {
          lines.push(`${pad}${key}: ${pick(['|', '|-', '>', '>-'])}${tail()}`);
          blockScalar(indent + 2);
        } else lines.push(`${pad}${key}:${sp()}${pick(SCALARS)}${tail()}`);
      }
    }
    if (r() < 0.03) lines.push(`${' '.repeat(indent + 1)}stray`);
  };
  const blockScalar = (indent: number) => {
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) {
      if (r() < 0.2) lines.push(r() < 0.5 ? '' : ' '.repeat(Math.floor(r() * indent)));
      lines.push(`${' '.repeat(indent)}${pick(['line', 'two words', '# not a comment', 'x: y', '- z'])}`);
    }
    if (r() < 0.3) lines.push('');
  };
  if (r() < 0.2) lines.push('---');
  trivia(0);
  block(0, 0);
  trivia(0);
  return lines.join('\n') + (r() < 0.9 ? '\n' : '');
}
