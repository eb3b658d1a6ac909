// Lint: typescript-eslint's recommended set, plus the architecture's one hard rule:
// the engine is pure, so it may not import vscode, the file system, the process or
// any network module (DESIGN.md section 1).
import tseslint from 'typescript-eslint';

const forbiddenInEngine = ['vscode', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'process', 'node:process', 'child_process', 'node:child_process', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https', 'http2', 'node:http2', 'dns', 'node:dns', 'tls', 'node:tls', 'dgram', 'node:dgram', 'worker_threads', 'node:worker_threads', 'path', 'node:path', 'os', 'node:os'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'test/fixtures/**', 'bench/.corpus/**', 'media/vendor/**', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-this-alias': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: forbiddenInEngine.map((name) => ({ name, message: 'src/engine is pure: hosts read files and talk to VS Code.' })) }],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/engine is pure: take options instead.' }, { name: 'fetch', message: 'Offload never reaches the network.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take `today` from the options; the engine never reads the clock.' }],
    },
  },
);
