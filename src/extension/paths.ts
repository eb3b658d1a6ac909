/**
 * Which workspace files Offload reads, and how their paths reach the engine.
 * Pure (no vscode import), so the rules are unit-tested.
 */

/** Everything the scan and the watchers look at (VS Code glob syntax). */
export const MANIFEST_GLOB = '**/{*.yaml,*.yml,*.json,*.jsonc,Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile}';

/** Never read: dependencies, VCS and editor metadata, lock files (large and never manifests). */
export const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**', '**/.vscode/**', '**/package-lock.json', '**/npm-shrinkwrap.json', '**/composer.lock', '**/.offload.yaml'];

export const CONFIG_FILE = '.offload.yaml';

const MANIFEST_NAME = /(\.(ya?ml|jsonc?)$)|(^(Dockerfile|Containerfile)(\..+)?$)|(\.[Dd]ockerfile$)/;

/** Whether a workspace-relative path is a file Offload analyses. */
export function isManifestPath(rel: string): boolean {
  const segments = rel.split('/');
  if (segments.includes('node_modules') || segments.includes('.git') || segments.includes('.vscode')) return false;
  const base = segments[segments.length - 1];
  if (base === CONFIG_FILE || base === 'package-lock.json' || base === 'npm-shrinkwrap.json' || base === 'composer.lock') return false;
  return MANIFEST_NAME.test(base);
}

/** VS Code language ids whose documents Offload analyses even outside the workspace. */
export const ANALYSED_LANGUAGES = new Set(['yaml', 'json', 'jsonc', 'dockerfile', 'dockercompose', 'plaintext']);

/** Schemes whose documents are real files (or untitled buffers), not diff views or output. */
export const ANALYSED_SCHEMES = new Set(['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-userdata']);

/**
 * The engine's path for a document outside every workspace folder: the name under
 * `(external)/`, with an extension from the language when the name has none, so the
 * engine's JSON detection and reports still work.
 */
export function externalPath(name: string, languageId: string): string {
  const base = name.split(/[\\/]/).pop() || 'untitled';
  const hasExt = /\.[^.]+$/.test(base) || /^(Dockerfile|Containerfile)/.test(base);
  const ext = hasExt ? '' : languageId === 'json' || languageId === 'jsonc' ? '.json' : languageId === 'dockerfile' ? '' : '.yaml';
  return `(external)/${base}${ext}`;
}

/**
 * One exclude pattern for `findFiles`. User ignore globs are not folded in (VS Code
 * globs cannot nest braces); the host filters with the engine's own matcher instead,
 * so `ignore` means the same in the editor as in the CLI.
 */
export const EXCLUDE_GLOB = `{${ALWAYS_EXCLUDED.join(',')}}`;
