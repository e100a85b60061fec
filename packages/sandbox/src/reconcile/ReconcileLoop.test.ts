import { ReconcileLoop } from './ReconcileLoop';

const nextTurn = () => new Promise(r => setImmediate(r));

async function until(check: () => boolean) {
  for (let i = 0; i < 1000 && !check(); i++) await nextTurn();
  expect(check()).toBe(true);
}

describe('ReconcileLoop', () => {
  it('reconciles at most maxConcurrent keys at once, and every key in the end', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const done: string[] = [];
    const loop = new ReconcileLoop(
      'test',
      async key => {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await nextTurn();
        await nextTurn();
        inFlight--;
        done.push(key);
      },
      () => {},
      4,
    );
    for (let i = 0; i < 100; i++) loop.enqueue(`default/t${i}`);
    await until(() => done.length === 100);
    expect(mostInFlight).toBe(4);
    // Oldest first: a burst is worked through in the order it arrived.
    expect(done.slice(0, 4)).toEqual([
      'default/t0',
      'default/t1',
      'default/t2',
      'default/t3',
    ]);
    await loop.stop();
  });

  it('never runs one key twice at once, and runs it again when it changed meanwhile', async () => {
    const starts: string[] = [];
    let release: () => void = () => {};
    const loop = new ReconcileLoop(
      'test',
      async key => {
        starts.push(key);
        if (starts.length === 1) await new Promise<void>(r => (release = r));
      },
      () => {},
      4,
    );
    loop.enqueue('default/a');
    await until(() => starts.length === 1);
    // Asked again twice while its first reconcile runs: one more run, after the first ends.
    loop.enqueue('default/a');
    loop.enqueue('default/a');
    loop.enqueue('default/b');
    await until(() => starts.length === 2);
    expect(starts).toEqual(['default/a', 'default/b']);
    release();
    await until(() => starts.length === 3);
    for (let i = 0; i < 10; i++) await nextTurn();
    expect(starts).toEqual(['default/a', 'default/b', 'default/a']);
    await loop.stop();
  });
});
