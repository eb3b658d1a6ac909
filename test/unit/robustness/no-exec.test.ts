import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../rule-tester';

/**
 * Workspace trust (issue 7): Offload only reads. Nothing in src/ runs a program, evaluates
 * code or loads a module from a path it did not ship. Read from the syntax tree, so
 * comments and strings that mention `child_process` do not count and cannot hide a call.
 *
 * Allowed: worker threads that load the bundled worker script next to the code
 * (`path.join(__dirname | dir, '<name>-worker.js')`), in the extension's analyzer and
 * the CLI's worker pool.
 */
const WORKER_FILES = new Set(['src/extension/analyzer.ts', 'src/cli/parallel.ts']);
const FORBIDDEN_MODULES = /^(node:)?(child_process|vm|cluster|inspector|repl|v8|wasi|net|tls|http|https|http2|dns|dgram)$/;
const FORBIDDEN_CALLS = new Set(['eval', 'exec', 'execSync', 'execFile', 'execFileSync', 'spawn', 'spawnSync', 'fork', 'Function', 'setTimeout', 'setInterval']);
/** Properties that parse HTML or trust markup: never fed from manifests. */
const HTML_SINKS = new Set(['innerHTML', 'outerHTML', 'srcdoc', 'enableCommandUris', 'isTrusted', 'supportHtml']);

function files(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), ext) : ext.test(e.name) ? [path.join(dir, e.name)] : []));
}

interface Problem {
  file: string;
  line: number;
  what: string;
}

function scan(abs: string): Problem[] {
  const rel = path.relative(REPO_ROOT, abs).split(path.sep).join('/');
  const text = fs.readFileSync(abs, 'utf8');
  const sf = ts.createSourceFile(abs, text, ts.ScriptTarget.Latest, true, abs.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const out: Problem[] = [];
  const report = (node: ts.Node, what: string) => out.push({ file: rel, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, what });
  const literal = (n: ts.Node | undefined) => !!n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n));
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && literal(node.moduleSpecifier)) {
      const spec = (node.moduleSpecifier as ts.StringLiteral).text;
      if (FORBIDDEN_MODULES.test(spec)) report(node, `imports ${spec}`);
      if (spec === 'node:worker_threads' || spec === 'worker_threads') {
        if (!WORKER_FILES.has(rel) && !/worker\.ts$/.test(rel)) report(node, 'imports worker_threads outside the allow-list');
      }
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && /^(child_process|cp|globalThis|window|process)$/.test(callee.expression.text) ? callee.name.text : undefined;
      if (name && FORBIDDEN_CALLS.has(name)) {
        // setTimeout/setInterval are fine with a function; a string would be evaluated.
        if (!/^set(Timeout|Interval)$/.test(name) || literal(node.arguments[0]) || (node.arguments[0] && ts.isTemplateExpression(node.arguments[0]))) report(node, `calls ${name}()`);
      }
      if (ts.isIdentifier(callee) && callee.text === 'require') {
        const arg = node.arguments[0];
        if (!literal(arg)) report(node, 'require() of a computed path');
        else if (FORBIDDEN_MODULES.test((arg as ts.StringLiteral).text)) report(node, `requires ${(arg as ts.StringLiteral).text}`);
      }
      if (callee.kind === ts.SyntaxKind.ImportKeyword && !literal(node.arguments[0])) report(node, 'import() of a computed path');
      if (ts.isPropertyAccessExpression(callee) && /^(dlopen|binding|_linkedBinding)$/.test(callee.name.text) && ts.isIdentifier(callee.expression) && callee.expression.text === 'process') report(node, `process.${callee.name.text}()`);
      if (ts.isPropertyAccessExpression(callee)) {
        const m = callee.name.text;
        if (/^(insertAdjacentHTML|createContextualFragment)$/.test(m) || (/^(write|writeln)$/.test(m) && callee.expression.getText(sf) === 'document')) report(node, `calls ${m}()`);
      }
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      if (node.expression.text === 'Function') report(node, 'new Function()');
      if (node.expression.text === 'Worker') {
        if (!WORKER_FILES.has(rel)) report(node, 'new Worker() outside the allow-list');
        else if (!/path\.join\(\s*(__dirname|dir)\s*,\s*'[\w-]+-worker\.js'\s*\)/.test(text)) report(node, 'new Worker(): not the bundled worker script next to the code');
      }
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && HTML_SINKS.has(node.left.name.text)) {
      const value = node.right.getText(sf);
      // `md.isTrusted = false` and `md.supportHtml = false` are the safe settings.
      if (!(/^(isTrusted|supportHtml|enableCommandUris)$/.test(node.left.name.text) && value === 'false')) report(node, `sets ${node.left.name.text} = ${value.slice(0, 40)}`);
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && /^(shell|enableCommandUris)$/.test(node.name.text) && node.initializer.kind !== ts.SyntaxKind.FalseKeyword) report(node, `${node.name.text}: ${node.initializer.getText(sf)}`);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('robustness: nothing from the workspace is executed', () => {
  it('src/ runs no program, evaluates no code, loads no computed module and starts only the bundled workers', () => {
    const problems = files(path.join(REPO_ROOT, 'src'), /\.ts$/).flatMap(scan);
    assert.deepEqual(problems.map((p) => `${p.file}:${p.line} ${p.what}`), []);
  });

  it('the webview script builds the page with DOM APIs only: no HTML parsing, no eval', () => {
    const problems = files(path.join(REPO_ROOT, 'media'), /\.js$/).flatMap(scan);
    assert.deepEqual(problems.map((p) => `${p.file}:${p.line} ${p.what}`), []);
  });

  it('the checker itself finds what it is there to find', () => {
    const tmp = path.join(REPO_ROOT, 'out', 'no-exec-probe.ts');
    fs.mkdirSync(path.dirname(tmp), { recursive: true });
    fs.writeFileSync(
      tmp,
      [
        "import { execSync } from 'node:child_process';",
        "import { Worker } from 'node:worker_threads';",
        '// child_process in a comment is fine',
        "const s = 'spawn(x) in a string is fine';",
        'execSync(s);',
        'eval(s);',
        'new Function(s);',
        'require(s);',
        'void import(s);',
        "setTimeout('alert(1)', 1);",
        'setTimeout(() => undefined, 1);',
        'new Worker(s);',
        'document.body.innerHTML = s;',
        'md.isTrusted = true;',
        'md.isTrusted = false;',
      ].join('\n'),
    );
    try {
      const what = scan(tmp).map((p) => p.what);
      assert.deepEqual(what, [
        'imports node:child_process',
        'imports worker_threads outside the allow-list',
        'calls execSync()',
        'calls eval()',
        'new Function()',
        'require() of a computed path',
        'import() of a computed path',
        'calls setTimeout()',
        'new Worker() outside the allow-list',
        'sets innerHTML = s',
        'sets isTrusted = true',
      ]);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  });
});
