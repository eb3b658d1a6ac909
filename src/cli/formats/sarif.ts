import type { AnalysisResult, Finding, Severity } from '../../engine/types';
import type { RuleDoc } from '../../engine/rule-docs';
import { jsonArrayItems } from './json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * A relative URI reference for a path. encodeURI would leave `#` and `?` as they are,
 * so `k8s/a#1.yaml` would become path `k8s/a` with a fragment: encode each segment.
 */
function uri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * SARIF 2.1.0. Regions are 1-based, columns in UTF-16 code units (SARIF's default
 * `columnKind`), end column exclusive. Every rule with a help text gets a driver entry,
 * so code-scanning UIs can show the docs next to a result.
 */
export function formatSarif(r: AnalysisResult, docs: readonly RuleDoc[]): string {
  return [...formatSarifChunks(r, docs)].join('');
}

/** Stands for the results in the log written around them. */
const RESULTS = '\u0000results\u0000';

/**
 * The same text as {@link formatSarif}, in pieces: the log around the results, then
 * the results a batch at a time, each made only when it is written.
 */
export function* formatSarifChunks(r: AnalysisResult, docs: readonly RuleDoc[]): Generator<string> {
  const ruleIndex = new Map(docs.map((d, i) => [d.id, i]));
  const region = (f: { range: Finding['range'] }) => ({
    startLine: f.range.start.line + 1,
    startColumn: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
  });
  const result = (f: Finding) => {
    const res: Record<string, unknown> = {
      ruleId: f.ruleId,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: uri(f.file) }, region: region(f) } }],
      properties: { platforms: f.platforms, effect: f.effect },
    };
    const idx = ruleIndex.get(f.ruleId);
    if (idx !== undefined) res.ruleIndex = idx;
    if (f.related?.length) {
      res.relatedLocations = f.related.map((rl, i) => ({ id: i + 1, message: { text: rl.message }, physicalLocation: { artifactLocation: { uri: uri(rl.file) }, region: region(rl) } }));
    }
    if (f.fix) {
      res.fixes = [
        {
          description: { text: f.fix.title },
          artifactChanges: [
            {
              artifactLocation: { uri: uri(f.file) },
              replacements: f.fix.edits.map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.newText } })),
            },
          ],
        },
      ];
    }
    return res;
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Offload',
            version: r.tool.version,
            semanticVersion: r.tool.version,
            rules: docs.map((d) => ({
              id: d.id,
              // PascalCase of the id, as SARIF suggests: unique, unlike titles (two rules share one).
              name: d.id.replace(/(?:^|-)([a-z0-9])/g, (_m, ch: string) => ch.toUpperCase()),
              shortDescription: { text: d.title },
              fullDescription: { text: d.description },
              help: { text: `${d.description}\n\nHow to fix: ${d.remediation}\n\nSources: ${d.sources.join('; ')}`, markdown: `${d.description}\n\n**How to fix:** ${d.remediation}\n\n**Sources:** ${d.sources.join('; ')}` },
              defaultConfiguration: { level: LEVEL[d.defaultSeverity] },
              properties: { platforms: d.platforms, effect: d.effect, docs: `docs/rules/${d.id}.md` },
            })),
          },
        },
        invocations: [{ executionSuccessful: true, properties: { target: r.target, dataAsOf: r.tool.dataAsOf } }],
        results: r.findings.length ? RESULTS : [],
      },
    ],
  };
  const text = JSON.stringify(log, null, 2) + '\n';
  if (!r.findings.length) {
    yield text;
    return;
  }
  // log.runs[0].results: its items start 8 spaces in, its closing bracket 6.
  const marker = JSON.stringify(RESULTS);
  const at = text.indexOf(marker);
  yield text.slice(0, at) + '[\n';
  const batch = 64;
  for (let i = 0; i < r.findings.length; i += batch) {
    const items = r.findings.slice(i, i + batch).map(result);
    for (const piece of jsonArrayItems(items, 8)) yield i ? `,\n${piece}` : piece;
  }
  yield '\n      ]' + text.slice(at + marker.length);
}
