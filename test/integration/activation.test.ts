import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, wasActiveAtStart, workspaceRoot } from './helpers';

describe('activation', () => {
  it('runs in a real VS Code with the examples workspace open', () => {
    assert.ok(vscode.version, 'vscode.version is empty');
    assert.ok(workspaceRoot());
  });

  it(`finds ${EXTENSION_ID}`, () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not loaded in ${vscode.env.appName}`);
  });

  it('is active on the examples workspace before any file is opened', () => {
    // VS Code runs the tests only after workspaceContains activations settled,
    // so this checks the activation events, not a later `activate()` call.
    assert.ok(
      wasActiveAtStart(),
      'the extension was not active when the suite started: check activationEvents against the files in examples/',
    );
  });
});
