/**
 * Dockerfiles are recognised by content: the first instruction is FROM (or ARG
 * before FROM), after comments, blank lines and parser directives. They hold no
 * workload by themselves; rules may read their base images and instructions.
 */
export function isDockerfile(text: string): boolean {
  // Line by line without splitting the whole text: every candidate file comes here.
  for (let at = 0; at <= text.length; ) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    const line = text.slice(at, nl).trim();
    at = nl + 1;
    if (!line || line.startsWith('#')) continue;
    if (/^ARG\s+\S/i.test(line)) continue;
    return /^FROM\s+\S/i.test(line);
  }
  return false;
}

export interface DockerInstruction {
  keyword: string;
  args: string;
  line: number;
  start: number;
  end: number;
}

/** Instructions with their offsets; continuation lines are joined. */
export function dockerInstructions(text: string): DockerInstruction[] {
  const out: DockerInstruction[] = [];
  const re = /^[ \t]*([A-Za-z]+)[ \t]+((?:[^\r\n]*\\\r?\n)*[^\r\n]*)/gm;
  let m: RegExpExecArray | null;
  let line = 0;
  let last = 0;
  while ((m = re.exec(text))) {
    if (m[0].trimStart().startsWith('#')) continue;
    for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    last = m.index;
    out.push({ keyword: m[1].toUpperCase(), args: m[2].replace(/\\\r?\n/g, ' ').trim(), line, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
