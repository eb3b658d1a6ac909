import type { AnalysisResult, InputFile } from './types';
import type { ChunkCache } from './load';
import type { UserOptions } from './config';
import type { Rule } from './rules/define-rule';
import { Engine } from './session';

export interface AnalyzeOptions {
  /** CLI flags or VS Code settings: the top layer. */
  options?: UserOptions;
  /** The text of `.offload.yaml`, when the workspace has one. */
  configText?: string;
  /** Path of the config file, for findings about it. */
  configPath?: string;
  /** ISO date of "today"; hosts pass the real date, tests pin it. */
  today: string;
  /** Restrict to these rules (RuleTester). */
  rules?: readonly Rule[];
  /** Shared parse cache, for hosts that analyse repeatedly. */
  cache?: ChunkCache;
}

export { PARSE_ERROR, INTERNAL_ERROR, CONFIG_ERROR } from './run-rules';

/**
 * Analyses a set of files as one workspace. Pure: text in, plain data out.
 * Never throws for anything a user's files can contain.
 *
 * This is a one-shot run of the incremental engine (src/engine/session.ts) in the
 * order the files are given, keeping nothing between files but the result: a file's
 * parse is dropped once its part of the result is made, so memory stays near the
 * size of the texts and the result. A later path wins when a path is given twice.
 */
export function analyze(files: readonly InputFile[], opts: AnalyzeOptions): AnalysisResult {
  const engine = new Engine(
    { today: opts.today, options: opts.options, configText: opts.configText, configPath: opts.configPath, rules: opts.rules, cache: opts.cache },
    { order: 'input', keepDocuments: 0 },
  );
  for (const f of files) engine.update(f.path, f.text);
  return engine.result();
}
