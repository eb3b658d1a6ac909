/**
 * Scheduling helpers that keep the extension host responsive. No vscode import, so
 * they are unit-tested in plain Node (test/unit/extension/slicer.test.ts).
 */

export interface SliceOptions {
  /** Longest stretch of synchronous work between two yields. */
  budgetMs?: number;
  /** Clock, for tests. */
  now?: () => number;
  /** Gives the event loop a turn; setImmediate by default. */
  yieldToLoop?: () => Promise<void>;
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
}

export const SLICE_BUDGET_MS = 40;

export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs `work` on every item, yielding to the event loop whenever a slice has run for
 * `budgetMs`, so a scan of thousands of files never blocks the host for longer than
 * one item's work plus the budget. Returns false when cancelled part way.
 */
export async function runSliced<T>(items: readonly T[], work: (item: T, index: number) => void | Promise<void>, opts: SliceOptions = {}): Promise<boolean> {
  const budget = opts.budgetMs ?? SLICE_BUDGET_MS;
  const now = opts.now ?? (() => performance.now());
  const pause = opts.yieldToLoop ?? yieldToLoop;
  let sliceStart = now();
  for (let i = 0; i < items.length; i++) {
    if (opts.isCancelled?.()) return false;
    await work(items[i], i);
    if (now() - sliceStart >= budget) {
      opts.onProgress?.(i + 1, items.length);
      await pause();
      sliceStart = now();
    }
  }
  opts.onProgress?.(items.length, items.length);
  return true;
}

/**
 * Counts work in flight (debounce timers, scans, analyses) and resolves `whenIdle()`
 * waiters when it drops to zero, so tests wait on the real state instead of sleeping.
 */
export class IdleTracker {
  private busy = 0;
  private waiters: (() => void)[] = [];

  /** Marks work as started; call the returned function exactly once when it ends. */
  begin(): () => void {
    this.busy++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.busy--;
      if (this.busy === 0) queueMicrotask(() => this.flush());
    };
  }

  get isIdle(): boolean {
    return this.busy === 0;
  }

  whenIdle(): Promise<void> {
    if (this.busy === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private flush(): void {
    if (this.busy !== 0) return;
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
  }
}

/**
 * A trailing debounce that reports to an IdleTracker while a run is pending, so
 * `whenIdle()` also waits for analysis that is scheduled but has not started.
 */
export class Debouncer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private endPending: (() => void) | undefined;

  constructor(
    private readonly run: () => Promise<void> | void,
    private readonly idle: IdleTracker,
  ) {}

  schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.endPending ??= this.idle.begin();
    this.timer = setTimeout(() => void this.fire(), Math.max(0, delayMs));
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }

  private async fire(): Promise<void> {
    this.timer = undefined;
    const end = this.endPending;
    this.endPending = undefined;
    try {
      await this.run();
    } finally {
      end?.();
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.endPending?.();
    this.endPending = undefined;
  }
}
