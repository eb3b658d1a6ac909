import type { FileSummary, FormatId } from './types';
import { LineIndex } from './source/line-index';
import type { SourceNode } from './source/source-node';
import { parseChunk, parseYamlChunk, placeChunk, splitYamlDocuments } from './source/yaml-source';
import type { ParsedChunk, YamlDocument } from './source/yaml-source';
import { parseJson } from './source/json-source';
import { looksLikeTemplate, maskTemplateActions } from './source/helm';
import { isDockerfile } from './formats/dockerfile';
import { isKubernetesObject } from './formats/kubernetes';
import { taskDefinitionNode } from './formats/ecs-task-definition';
import { isCompose } from './formats/compose';
import { isEksctlConfig } from './formats/eksctl';
import type { ParsedDocument } from './views';

export interface ProblemSpan {
  message: string;
  start: number;
  end: number;
}

/** A file after parsing: its documents with detected formats, and what went wrong. */
export interface FileModel {
  path: string;
  /** The analysed text: BOM removed, so positions match what an editor shows. */
  text: string;
  lines: LineIndex;
  kind: 'yaml' | 'json' | 'dockerfile' | 'skipped';
  templated: boolean;
  documents: ParsedDocument[];
  parseErrors: ProblemSpan[];
  summary: FileSummary;
}

/**
 * Bounded cache of parsed YAML chunks by exact text. An edit re-parses only the
 * documents it touched; the others are re-placed at their new offsets for free.
 * Least recently used chunks go first once either bound is reached: a parse costs
 * about 25 bytes of heap per character of YAML, so the character bound is the one
 * that keeps a large workspace's memory in check.
 */
export class ChunkCache {
  private readonly map = new Map<string, ParsedChunk>();
  private chars = 0;
  constructor(
    private readonly limit = 50000,
    private readonly maxChars = 4_000_000,
  ) {}
  get(text: string, base: number): YamlDocument {
    let hit = this.map.get(text);
    if (hit) {
      // Most recently used last.
      this.map.delete(text);
      this.map.set(text, hit);
    } else {
      hit = parseChunk(text);
      this.map.set(text, hit);
      this.chars += text.length;
      while (this.map.size > 1 && (this.map.size > this.limit || this.chars > this.maxChars)) {
        const oldest = this.map.keys().next().value as string;
        this.map.delete(oldest);
        this.chars -= oldest.length;
      }
    }
    return placeChunk(hit, base);
  }
  get size(): number {
    return this.map.size;
  }
}

const NO_CACHE = { get: (text: string, base: number) => parseYamlChunk(text, base) };

/** One YAML document's slice of its file, before parsing. */
export interface ChunkSpan {
  /** Index of the chunk in the file: the document index rules and workload ids use. */
  docIndex: number;
  /** Offset of the chunk in the (BOM-stripped) file text. */
  base: number;
  /** What is parsed: the chunk with template actions masked and lone CRs made LF. */
  source: string;
  /** The same slice of the file text as written: the cache key, with the flags below. */
  raw: string;
}

/**
 * A file split into what gets parsed, without parsing anything: the cheap first step
 * of {@link loadFile}, shared with the incremental session, which decides per chunk
 * whether a parse (or a rule run) is needed at all.
 */
export type PreparedFile =
  | (Omit<FileModel, 'documents' | 'parseErrors' | 'summary' | 'kind'> & { kind: 'skipped'; note: string })
  | (Omit<FileModel, 'documents' | 'parseErrors' | 'summary' | 'kind'> & { kind: 'dockerfile' })
  | (Omit<FileModel, 'documents' | 'parseErrors' | 'summary' | 'kind'> & { kind: 'json'; json: ReturnType<typeof parseJson> })
  | (Omit<FileModel, 'documents' | 'parseErrors' | 'summary' | 'kind'> & {
      kind: 'yaml';
      chunks: ChunkSpan[];
      /** Broken YAML with no recognisable document still reports its errors when this is true. */
      mentionsManifestKeys: boolean;
      /** The file uses CRLF somewhere: fixes that insert lines copy that, so it is part of a chunk's identity. */
      crlf: boolean;
    });

export function prepareFile(path: string, raw: string, maxBytes: number): PreparedFile {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const lines = new LineIndex(text);
  const base = { path, text, lines, templated: false };
  // Length in UTF-16 units is a close, cheap proxy for bytes at this scale.
  if (text.length > maxBytes) return { ...base, kind: 'skipped', note: `larger than the ${Math.round(maxBytes / 1024)} KiB limit (offload maxFileSizeBytes)` };
  if (text.includes('\u0000') || text.includes('\uFFFD')) return { ...base, kind: 'skipped', note: 'binary or not valid UTF-8' };
  if (isDockerfile(text)) return { ...base, kind: 'dockerfile' };

  const trimmed = text.trimStart();
  const jsonByName = /\.json$/i.test(path);
  const j = jsonByName || trimmed.startsWith('{') || trimmed.startsWith('[') ? parseJson(text) : undefined;
  // Text that only starts like JSON, such as a Helm template opening with `{{- range }}`
  // or a YAML flow map `{kind: Pod}`, is read as YAML unless it is valid JSON.
  if (j && (jsonByName || j.errors.length === 0)) return { ...base, kind: 'json', json: j };

  const templated = looksLikeTemplate(path, text);
  // yaml breaks lines only at LF and CRLF, but a lone CR is a line break to YAML 1.2,
  // to editors and to the LineIndex: parse a same-length copy with LF there.
  const masked = templated ? maskTemplateActions(text) : text;
  const source = masked.includes('\r') ? masked.replace(/\r(?!\n)/g, '\n') : masked;
  const starts = splitYamlDocuments(source);
  const chunks: ChunkSpan[] = [];
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1] : source.length;
    const slice = source.slice(starts[i], end);
    chunks.push({ docIndex: i, base: starts[i], source: slice, raw: source === text ? slice : text.slice(starts[i], end) });
  }
  return {
    ...base,
    templated,
    kind: 'yaml',
    chunks,
    mentionsManifestKeys: /^\s*(apiVersion|kind|services|containerDefinitions)\s*:/m.test(source),
    crlf: text.includes('\r\n'),
  };
}

export function loadFile(path: string, raw: string, maxBytes: number, cache: Pick<ChunkCache, 'get'> = NO_CACHE): FileModel {
  const p = prepareFile(path, raw, maxBytes);
  const base: Omit<FileModel, 'kind' | 'summary'> = { path, text: p.text, lines: p.lines, templated: false, documents: [], parseErrors: [] };
  if (p.kind === 'skipped') return skipped(base, p.note);
  if (p.kind === 'dockerfile') return { ...base, kind: 'dockerfile', summary: { file: path, format: 'dockerfile', documents: 1 } };
  if (p.kind === 'json') {
    const j = p.json;
    const docs: ParsedDocument[] = [];
    if (j.root) {
      const format = detect(j.root);
      if (format) docs.push({ file: path, docIndex: 0, format, root: j.root, templated: false });
    }
    // A JSON file that is not one of ours stays silent, even when broken: package.json
    // and tsconfig.json are everywhere and none of our business.
    const ours = docs.length > 0;
    return {
      ...base,
      kind: 'json',
      documents: docs,
      parseErrors: ours ? j.errors : [],
      summary: { file: path, format: ours ? docs[0].format : 'unknown', documents: docs.length },
    };
  }

  const templated = p.templated;
  const documents: ParsedDocument[] = [];
  const parseErrors: ProblemSpan[] = [];
  let ours = false;
  for (const c of p.chunks) {
    const parsed = cache.get(c.source, c.base);
    if (parsed.empty) continue;
    const format = parsed.root ? detect(parsed.root) : undefined;
    if (format) {
      ours = true;
      documents.push({ file: path, docIndex: c.docIndex, format, root: parsed.root as SourceNode, templated, rawText: templated ? p.text : undefined });
    }
    // Templates never produce syntax errors: what does not parse after masking is skipped.
    if (!templated) parseErrors.push(...parsed.errors);
  }
  // A broken YAML file with no recognisable document might still be a manifest we
  // failed to read; report its errors when it mentions the keys we look for.
  const reportErrors = ours || p.mentionsManifestKeys;
  return {
    ...base,
    kind: 'yaml',
    templated,
    documents,
    parseErrors: reportErrors ? parseErrors : [],
    summary: yamlSummary(path, documents.length ? documents[0].format : undefined, documents.length, templated),
  };
}

/** The summary of a YAML file, from its first recognised format and document count. */
export function yamlSummary(path: string, first: FormatId | undefined, documents: number, templated: boolean): FileSummary {
  return {
    file: path,
    format: first ?? (templated ? 'helm-template' : 'unknown'),
    documents,
    note: templated ? 'Helm template: analysed where it parses once template actions are masked' : undefined,
  };
}

function skipped(base: Omit<FileModel, 'kind' | 'summary'>, note: string): FileModel {
  return { ...base, kind: 'skipped', summary: { file: base.path, format: 'skipped', documents: 0, note } };
}

/** Format detection by content, never by file name. */
export function detect(root: SourceNode): FormatId | undefined {
  if (root.kind !== 'map') return undefined;
  if (isEksctlConfig(root)) return 'eksctl';
  if (isKubernetesObject(root)) return 'kubernetes';
  if (taskDefinitionNode(root)) return 'ecs-task-definition';
  if (isCompose(root)) return 'compose';
  return undefined;
}
