import * as vscode from 'vscode';

/** The "Offload" output channel. Everything the extension does that a user might ask about is logged here. */
export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
  return vscode.window.createOutputChannel('Offload', { log: true });
}
