// PLACEHOLDER written by the integration-test engineer so the real-VS-Code
// suites can be developed. The extension engineer replaces this file.
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
