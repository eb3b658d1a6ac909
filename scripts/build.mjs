// Bundles the extension and the CLI with esbuild. `vscode` stays external: the
// extension host provides it. Everything else (yaml, jsonc-parser) is bundled, so
// the VSIX ships no node_modules.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', mainFields: ['module', 'main'] };
await Promise.all([
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The extension's analysis runs here, off the extension host's main thread.
  build({ ...common, entryPoints: ['src/extension/analysis-worker.ts'], outfile: 'dist/analysis-worker.js' }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The CLI's scan worker threads (src/cli/parallel.ts starts it from next to cli.js).
  build({ ...common, entryPoints: ['src/cli/parallel-worker.ts'], outfile: 'dist/parallel-worker.js' }),
]);
