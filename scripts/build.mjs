// Bundles the extension and the CLI with esbuild. `vscode` stays external: the
// extension host provides it. Everything else (yaml, jsonc-parser) is bundled, so
// the VSIX ships no node_modules.
//
// The extension is two bundles: dist/extension.js (the adapters, loaded at
// activation) and dist/engine-api.js (the engine as the extension host uses it,
// loaded on first use by src/extension/lazy.ts), so activation does not load the engine.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', mainFields: ['module', 'main'] };

/** Keeps `require('./engine-api')` in src/extension/lazy.ts a run-time load of dist/engine-api.js. */
const lazyEngine = {
  name: 'lazy-engine-api',
  setup(b) {
    b.onResolve({ filter: /^\.\/engine-api$/ }, (args) => (args.importer.replace(/\\/g, '/').endsWith('src/extension/lazy.ts') ? { path: './engine-api.js', external: true } : undefined));
  },
};

await Promise.all([
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [lazyEngine] }),
  build({ ...common, entryPoints: ['src/extension/engine-api.ts'], outfile: 'dist/engine-api.js' }),
  // The extension's analysis runs here, off the extension host's main thread.
  build({ ...common, entryPoints: ['src/extension/analysis-worker.ts'], outfile: 'dist/analysis-worker.js' }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The CLI's scan worker threads (src/cli/parallel.ts starts it from next to cli.js).
  build({ ...common, entryPoints: ['src/cli/parallel-worker.ts'], outfile: 'dist/parallel-worker.js' }),
]);
