// The `run()` entry VS Code calls in the extension host (extensionTestsPath).
// Both hosts use it: code-server (scripts/code-server/run-extension-tests.mjs)
// and desktop VS Code (test/integration/run-electron.mjs). It runs every
// `*.test.js` next to it with mocha and writes the results as JSON, because
// code-server gives the runner no exit code: the file is the only channel.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import Mocha from 'mocha';
import { EXTENSION_ID, recordStartState } from './helpers';

export interface TestResult {
  titlePath: string[];
  state: 'passed' | 'failed' | 'pending';
  duration?: number;
  error?: { message: string; stack?: string };
}

export interface ResultsFile {
  host: string;
  vscodeVersion: string;
  done: boolean;
  durationMs: number;
  tests: TestResult[];
}

export function run(): Promise<void> {
  recordStartState(vscode.extensions.getExtension(EXTENSION_ID)?.isActive ?? false);
  const resultsPath =
    process.env.OFFLOAD_TEST_RESULTS ?? path.resolve(__dirname, '..', '..', '..', 'test-results', 'integration.json');
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    // A test waits on VS Code events with its own, shorter bounds; this is the backstop.
    timeout: 60_000,
    grep: process.env.OFFLOAD_TEST_GREP || undefined,
  });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }

  const started = Date.now();
  const results: ResultsFile = {
    host: vscode.env.appName,
    vscodeVersion: vscode.version,
    done: false,
    durationMs: 0,
    tests: [],
  };
  const write = () => {
    results.durationMs = Date.now() - started;
    fs.mkdirSync(path.dirname(resultsPath), { recursive: true });
    // Write then rename: the runner polls this file and must never read half of it.
    const tmp = `${resultsPath}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
    fs.renameSync(tmp, resultsPath);
  };
  const add = (test: Mocha.Runnable, state: TestResult['state'], err?: Error) => {
    results.tests.push({
      titlePath: test.titlePath(),
      state,
      duration: test.duration,
      error: err ? { message: String(err.message ?? err), stack: err.stack } : undefined,
    });
    write();
  };

  return new Promise((resolve, reject) => {
    write();
    try {
      const runner = mocha.run((failures) => {
        results.done = true;
        write();
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
      runner.on('pass', (test) => add(test, 'passed'));
      runner.on('fail', (test, err) => add(test, 'failed', err));
      runner.on('pending', (test) => add(test, 'pending'));
    } catch (err) {
      // A suite that throws while loading must still reach the runner as a failure.
      results.tests.push({
        titlePath: ['loading the integration suite'],
        state: 'failed',
        error: { message: String((err as Error).message ?? err), stack: (err as Error).stack },
      });
      results.done = true;
      write();
      reject(err);
    }
  });
}
