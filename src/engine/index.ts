/**
 * The engine facade. Hosts (CLI, VS Code, webview, tests) import from here only.
 * Nothing under src/engine imports vscode, fs, process or the network.
 */
export { analyze, PARSE_ERROR, INTERNAL_ERROR, CONFIG_ERROR } from './analyze';
export type { AnalyzeOptions } from './analyze';
export { createSession } from './session';
export type { AnalysisSession, FileResultPart, SessionOptions, SessionSettings } from './session';
export { applyEdits } from './fix/apply-edits';
export { parseConfig, resolveOptions } from './config';
export type { UserOptions, ResolvedOptions } from './config';
export { ChunkCache } from './load';
export { ruleDocs } from './rule-docs';
export type { RuleDoc } from './rule-docs';
export { rules, ruleById } from './rules';
export * from './types';
