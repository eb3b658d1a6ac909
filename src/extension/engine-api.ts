/**
 * Everything the extension host runs from the engine, in one module that is loaded on
 * first use (see lazy.ts), not at activation: the build makes it a bundle of its own,
 * dist/engine-api.js. The analysis itself runs in the worker (dist/analysis-worker.js);
 * the host needs the engine only for hovers, code actions, the config file, the target
 * picker, the guide's data, reports, and the in-process fallback.
 */
export { ChunkCache, parseConfig, ruleDocs } from '../engine';
export { PLATFORM_LABELS, REASON_PLACEHOLDER, describeAt, fixAllEdits, matchesAnyGlob, setConfigValue, suppressionEdit, workloadAt } from '../engine/host-api';
export { allRegions, eksSupportStatus, eksVersions, latestEksVersion, regionSupports } from '../engine/knowledge';
export { AnalysisCore } from './analysis-core';
export { guideKnowledge } from './webview/guide-data';
export { formatJson } from '../cli/formats/json';
export { formatMarkdown } from '../cli/formats/markdown';
export { formatSarif } from '../cli/formats/sarif';
