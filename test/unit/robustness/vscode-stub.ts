/**
 * A small stand-in for the `vscode` module, enough to activate the bundled extension
 * (dist/extension.js) in plain Node and let it scan a folder: real Uri, EventEmitter,
 * workspace.fs, findFiles and configuration; every other member is an inert stub that
 * can be called, constructed and disposed. Used by the no-network test and the webview
 * test (to build the guide's real HTML through panel.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Module from 'node:module';

/** An object that answers every property, call and `new` with another such object. Not a thenable. */
export function inert(name = 'vscode'): unknown {
  const fn = function () {
    return undefined;
  };
  return new Proxy(fn, {
    get(_t, key) {
      if (key === 'then') return undefined;
      if (key === 'dispose') return () => undefined;
      if (key === Symbol.toPrimitive) return () => `[${name}]`;
      if (key === 'toString') return () => `[${name}]`;
      return inert(`${name}.${String(key)}`);
    },
    apply: () => inert(`${name}()`),
    construct: () => inert(`new ${name}`) as object,
  });
}

const disposable = () => ({ dispose: () => undefined });

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query = '',
    readonly fragment = '',
  ) {}
  static file(p: string): Uri {
    return new Uri('file', '', p.split(path.sep).join('/'));
  }
  static parse(s: string): Uri {
    const m = /^([a-z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/i.exec(s);
    return m ? new Uri(m[1], m[2] ?? '', m[3], m[4] ?? '', m[5] ?? '') : new Uri('file', '', s);
  }
  static from(c: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(c.scheme, c.authority ?? '', c.path ?? '', c.query ?? '', c.fragment ?? '');
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return new Uri(base.scheme, base.authority, path.posix.join(base.path, ...segments), base.query, base.fragment);
  }
  get fsPath(): string {
    return this.path;
  }
  with(c: Partial<{ scheme: string; authority: string; path: string; query: string; fragment: string }>): Uri {
    return new Uri(c.scheme ?? this.scheme, c.authority ?? this.authority, c.path ?? this.path, c.query ?? this.query, c.fragment ?? this.fragment);
  }
  toString(): string {
    return `${this.scheme}:${this.scheme === 'file' || this.authority ? '//' + this.authority : ''}${this.path}${this.query ? '?' + this.query : ''}${this.fragment ? '#' + this.fragment : ''}`;
  }
  toJSON(): unknown {
    return { scheme: this.scheme, path: this.path };
  }
}

export class EventEmitter<T> {
  private listeners = new Set<(e: T) => unknown>();
  readonly event = (listener: (e: T) => unknown) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
  }
  isEqual(o: Range): boolean {
    return this.start.line === o.start.line && this.start.character === o.start.character && this.end.line === o.end.line && this.end.character === o.end.character;
  }
}

class CodeActionKind {
  constructor(readonly value: string) {}
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly Source = new CodeActionKind('source');
  static readonly SourceFixAll = new CodeActionKind('source.fixAll');
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other: CodeActionKind): boolean {
    return other.value === this.value || other.value.startsWith(this.value + '.');
  }
}

class MarkdownString {
  value: string;
  isTrusted = false;
  supportHtml = false;
  constructor(value = '', readonly supportThemeIcons = false) {
    this.value = value;
  }
  appendText(s: string): this {
    this.value += s.replace(/[\\`*_{}[\]()#+\-.!<>]/g, '\\$&');
    return this;
  }
  appendMarkdown(s: string): this {
    this.value += s;
    return this;
  }
}

export interface StubOptions {
  /** The workspace folder (absolute path). */
  root?: string;
  /** Every line the extension logs to its output channel. */
  log?: string[];
  /** Every command executed through vscode.commands.executeCommand. */
  commands?: unknown[][];
}

/** Builds the stub. Only what activate() and a scan touch is real. */
export function createVscodeStub(o: StubOptions = {}): Record<string, unknown> {
  const log = o.log ?? [];
  const root = o.root;
  const folder = root ? { uri: Uri.file(root), name: path.basename(root), index: 0 } : undefined;
  const inside = (u: Uri) => !!root && u.scheme === 'file' && (u.path === Uri.file(root).path || u.path.startsWith(Uri.file(root).path + '/'));
  const event = () => disposable();
  const channel = Object.fromEntries(
    ['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'replace'].map((k) => [k, (...a: unknown[]) => void log.push(`${k}: ${a.map(String).join(' ')}`)]),
  );
  const walk = (dir: string, out: Uri[]) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs, out);
      else if (/(\.(ya?ml|jsonc?)$)|(^(Dockerfile|Containerfile)(\..+)?$)|(\.[Dd]ockerfile$)/.test(e.name)) out.push(Uri.file(abs));
    }
    return out;
  };
  const stub: Record<string, unknown> = {
    Uri,
    EventEmitter,
    Position,
    Range,
    Selection: Range,
    Location: class {
      constructor(
        readonly uri: Uri,
        readonly range: Range,
      ) {}
    },
    Diagnostic: class {
      source?: string;
      code?: unknown;
      relatedInformation?: unknown[];
      constructor(
        readonly range: Range,
        readonly message: string,
        readonly severity: number,
      ) {}
    },
    DiagnosticRelatedInformation: class {
      constructor(
        readonly location: unknown,
        readonly message: string,
      ) {}
    },
    CodeActionKind,
    MarkdownString,
    ThemeIcon: class {
      constructor(
        readonly id: string,
        readonly color?: unknown,
      ) {}
    },
    ThemeColor: class {
      constructor(readonly id: string) {}
    },
    Disposable: class {
      constructor(private readonly fn: () => void = () => undefined) {}
      dispose() {
        this.fn();
      }
      static from(...ds: { dispose(): unknown }[]) {
        return { dispose: () => ds.forEach((d) => d.dispose()) };
      }
    },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    QuickPickItemKind: { Separator: -1, Default: 0 },
    window: new Proxy(
      {
        createOutputChannel: () => ({ ...channel, name: 'Offload', logLevel: 2, onDidChangeLogLevel: event, show: () => undefined, hide: () => undefined, clear: () => undefined, dispose: () => undefined }),
        withProgress: (_o: unknown, task: (p: unknown, t: unknown) => Promise<unknown>) => task({ report: () => undefined }, { isCancellationRequested: false, onCancellationRequested: event }),
        createTreeView: () => ({ dispose: () => undefined, onDidChangeVisibility: event, onDidChangeSelection: event, reveal: async () => undefined }),
        createStatusBarItem: () => ({ show: () => undefined, hide: () => undefined, dispose: () => undefined }),
        registerWebviewPanelSerializer: disposable,
        setStatusBarMessage: disposable,
        textDocuments: [],
        visibleTextEditors: [],
        activeTextEditor: undefined,
      } as Record<string, unknown>,
      { get: (t, k) => (k in t ? t[k as string] : inert(`window.${String(k)}`)) },
    ),
    workspace: new Proxy(
      {
        workspaceFolders: folder ? [folder] : undefined,
        textDocuments: [],
        isTrusted: false,
        getWorkspaceFolder: (u: Uri) => (inside(u) ? folder : undefined),
        asRelativePath: (u: Uri) => (root && inside(u) ? path.posix.relative(Uri.file(root).path, u.path) : u.path),
        findFiles: async () => (root ? walk(root, []) : []),
        getConfiguration: () => ({ get: (_k: string, d: unknown) => d, inspect: () => undefined, has: () => false, update: async () => undefined }),
        createFileSystemWatcher: () => ({ onDidCreate: event, onDidChange: event, onDidDelete: event, dispose: () => undefined }),
        fs: {
          stat: async (u: Uri) => {
            const st = await fs.promises.stat(u.path);
            return { type: st.isDirectory() ? 2 : 1, size: st.size, ctime: st.ctimeMs, mtime: st.mtimeMs };
          },
          readFile: async (u: Uri) => new Uint8Array(await fs.promises.readFile(u.path)),
        },
        registerTextDocumentContentProvider: disposable,
      } as Record<string, unknown>,
      { get: (t, k) => (k in t ? t[k as string] : String(k).startsWith('onDid') ? event : inert(`workspace.${String(k)}`)) },
    ),
    languages: new Proxy(
      {
        createDiagnosticCollection: () => {
          const map = new Map<string, unknown[]>();
          return { set: (u: Uri, d: unknown[]) => map.set(u.toString(), d), delete: (u: Uri) => map.delete(u.toString()), clear: () => map.clear(), get: (u: Uri) => map.get(u.toString()), dispose: () => map.clear(), entries: map };
        },
      } as Record<string, unknown>,
      { get: (t, k) => (k in t ? t[k as string] : disposable) },
    ),
    commands: {
      registerCommand: disposable,
      executeCommand: async (...args: unknown[]) => {
        o.commands?.push(args);
        return undefined;
      },
    },
    env: { appName: 'stub', language: 'en', machineId: 'stub', openExternal: async () => false },
    extensions: { getExtension: () => undefined },
  };
  return new Proxy(stub, { get: (t, k) => (k in t ? t[k as string] : inert(`vscode.${String(k)}`)) });
}

type ModuleInternals = typeof Module & {
  _resolveFilename(request: string, parent: unknown, ...rest: unknown[]): string;
  _cache: Record<string, unknown>;
};

/** Makes `require('vscode')` return `stub` until the returned function is called. */
export function installVscodeStub(stub: unknown): () => void {
  const M = Module as ModuleInternals;
  const original = M._resolveFilename;
  const fake = path.join(__dirname, '__vscode_stub__.js');
  M._cache[fake] = { id: fake, filename: fake, loaded: true, exports: stub, children: [], paths: [] };
  M._resolveFilename = function (request: string, parent: unknown, ...rest: unknown[]) {
    if (request === 'vscode') return fake;
    return original.call(this, request, parent, ...rest);
  };
  return () => {
    M._resolveFilename = original;
    delete M._cache[fake];
  };
}
