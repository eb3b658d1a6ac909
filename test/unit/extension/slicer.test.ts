import { strict as assert } from 'node:assert';
import { Debouncer, IdleTracker, SLICE_BUDGET_MS, runSliced } from '../../../src/extension/slicer';

describe('extension: runSliced', () => {
  it('yields to the event loop whenever a slice used up its budget', async () => {
    let clock = 0;
    const yields: number[] = [];
    const done = await runSliced([1, 2, 3, 4, 5, 6], () => void (clock += 20), {
      budgetMs: 50,
      now: () => clock,
      yieldToLoop: async () => void yields.push(clock),
    });
    assert.equal(done, true);
    // 20 ms per item, 50 ms budget: a yield after every third item.
    assert.deepEqual(yields, [60, 120]);
  });

  it('with the default budget, no slice runs past about 50 ms when items take 3 ms', async () => {
    // A simulated clock: the "yield within about 50 ms" is a property of the
    // budget and the item cost, and timing real work on a shared machine would be noise.
    let clock = 0;
    let sliceStart = 0;
    const slices: number[] = [];
    await runSliced(Array.from({ length: 100 }, (_, i) => i), () => void (clock += 3), {
      now: () => clock,
      yieldToLoop: async () => {
        slices.push(clock - sliceStart);
        sliceStart = clock;
      },
    });
    assert.ok(slices.length >= 5, `yielded ${slices.length} times`);
    assert.ok(Math.max(...slices) <= SLICE_BUDGET_MS + 3 && SLICE_BUDGET_MS + 3 <= 50, `longest slice ${Math.max(...slices)} ms`);
  });

  it('reports progress and stops when cancelled', async () => {
    const progress: [number, number][] = [];
    let seen = 0;
    const done = await runSliced([1, 2, 3, 4], () => void seen++, {
      budgetMs: 0,
      yieldToLoop: async () => undefined,
      onProgress: (d, t) => progress.push([d, t]),
      isCancelled: () => seen >= 2,
    });
    assert.equal(done, false);
    assert.equal(seen, 2);
    assert.deepEqual(progress, [
      [1, 4],
      [2, 4],
    ]);
  });

  it('awaits asynchronous work item by item', async () => {
    const order: string[] = [];
    await runSliced(['a', 'b'], async (x) => {
      await new Promise((r) => setTimeout(r, 1));
      order.push(x);
    });
    assert.deepEqual(order, ['a', 'b']);
  });
});

describe('extension: IdleTracker and Debouncer', () => {
  it('resolves whenIdle only after every piece of work ended', async () => {
    const idle = new IdleTracker();
    const a = idle.begin();
    const b = idle.begin();
    let resolved = false;
    const p = idle.whenIdle().then(() => (resolved = true));
    a();
    a(); // ending twice counts once
    await new Promise((r) => setImmediate(r));
    assert.equal(resolved, false);
    b();
    await p;
    assert.equal(resolved, true);
    assert.equal(idle.isIdle, true);
  });

  it('runs once for a burst of schedules, and counts as busy until the run ends', async () => {
    const idle = new IdleTracker();
    let runs = 0;
    const d = new Debouncer(async () => {
      await new Promise((r) => setTimeout(r, 5));
      runs++;
    }, idle);
    d.schedule(20);
    d.schedule(20);
    d.schedule(5);
    assert.equal(idle.isIdle, false);
    assert.equal(d.pending, true);
    await idle.whenIdle();
    assert.equal(runs, 1);
    assert.equal(d.pending, false);
    d.dispose();
  });

  it('releases the idle tracker when disposed with a run pending', async () => {
    const idle = new IdleTracker();
    const d = new Debouncer(() => assert.fail('must not run'), idle);
    d.schedule(10_000);
    d.dispose();
    await idle.whenIdle();
  });
});
