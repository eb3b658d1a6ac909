/** The hostile fixtures (test/fixtures/hostile), read as the CLI reads files. Shared by the robustness tests. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InputFile } from '../../src/engine';

export const HOSTILE = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'hostile');

/** Every fixture but the regressions and the notes: bytes decoded as UTF-8 (invalid bytes become U+FFFD). */
export function hostileFiles(dir = HOSTILE): InputFile[] {
  const out: InputFile[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'regressions') walk(abs);
      } else if (!/\.(md|mjs)$/.test(e.name) && e.name !== '.gitattributes') {
        out.push({ path: path.relative(dir, abs).split(path.sep).join('/'), text: fs.readFileSync(abs).toString('utf8') });
      }
    }
  };
  walk(dir);
  return out;
}
