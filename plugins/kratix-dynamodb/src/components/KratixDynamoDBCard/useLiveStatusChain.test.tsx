import { PropsWithChildren } from 'react';
import { TestApiProvider } from '@backstage/test-utils';
import { SignalApi, signalApiRef } from '@backstage/plugin-signals-react';
import { StatusChain, statusChangedChannel } from '@kratix-dynamodb/common';
import { act, renderHook, waitFor } from '@testing-library/react';
import {
  KratixDynamoDBApi,
  kratixDynamoDBApiRef,
} from '../../api/KratixDynamoDBApi';
import { useLiveStatusChain } from './useLiveStatusChain';

const REF = { namespace: 'default', kind: 'Resource', name: 'orders' };

const chain = (summary: string): StatusChain => ({
  entityRef: 'resource:default/orders',
  cluster: 'sandbox',
  overall: 'ok',
  checkedAt: new Date().toISOString(),
  stages: [{ id: 'table', state: 'ok', summary, conditions: [], links: [] }],
});

/** The browser side of signals, in memory: what the signals plugin's client does with a websocket. */
class InMemorySignals implements SignalApi {
  readonly #subscribers = new Map<string, Set<(message: any) => void>>();
  subscribe(channel: string, onMessage: (message: any) => void) {
    if (!this.#subscribers.has(channel))
      this.#subscribers.set(channel, new Set());
    this.#subscribers.get(channel)!.add(onMessage);
    return {
      unsubscribe: () => this.#subscribers.get(channel)!.delete(onMessage),
    };
  }
  send(channel: string) {
    this.#subscribers.get(channel)?.forEach(s => s({ type: 'status-changed' }));
  }
}

/** A status API whose answers (or failures) the test releases one by one, in any order. */
function controlledApi() {
  const calls: Array<{
    resolve: (c: StatusChain) => void;
    reject: (e: Error) => void;
  }> = [];
  const api: KratixDynamoDBApi = {
    getStatusChain: () =>
      new Promise<StatusChain>((resolve, reject) =>
        calls.push({ resolve, reject }),
      ),
  };
  return { api, calls };
}

function render(
  api: KratixDynamoDBApi,
  signals?: SignalApi,
  fallbackPollMs = 0,
  retryAfterErrorMs?: number,
  keepAliveMs = 0,
  catchUpMs = 0,
) {
  const apis: any[] = [[kratixDynamoDBApiRef, api]];
  if (signals) apis.push([signalApiRef, signals]);
  const wrapper = ({ children }: PropsWithChildren) => (
    <TestApiProvider apis={apis}>{children}</TestApiProvider>
  );
  return renderHook(
    () =>
      useLiveStatusChain(REF, {
        fallbackPollMs,
        retryAfterErrorMs,
        keepAliveMs,
        catchUpMs,
      }),
    { wrapper },
  );
}

describe('useLiveStatusChain', () => {
  it("reads the chain again when the entity's signal arrives, and does not poll", async () => {
    const signals = new InMemorySignals();
    const { api, calls } = controlledApi();
    const { result } = render(api, signals, 10);
    await waitFor(() => expect(calls).toHaveLength(1));
    act(() => calls[0].resolve(chain('CREATING')));
    await waitFor(() =>
      expect(result.current.value?.stages[0].summary).toBe('CREATING'),
    );
    expect(result.current.live).toBe(true);

    await new Promise(r => setTimeout(r, 50)); // five fallback intervals: none may fire
    expect(calls).toHaveLength(1);

    act(() => signals.send(statusChangedChannel('resource:default/orders')));
    await waitFor(() => expect(calls).toHaveLength(2));
    act(() => calls[1].resolve(chain('ACTIVE')));
    await waitFor(() =>
      expect(result.current.value?.stages[0].summary).toBe('ACTIVE'),
    );
  });

  it('never overlaps reads: refreshes asked for during a read make one read after it', async () => {
    const signals = new InMemorySignals();
    const { api, calls } = controlledApi();
    const { result } = render(api, signals);
    await waitFor(() => expect(calls).toHaveLength(1));
    act(() => {
      result.current.refresh();
      signals.send(statusChangedChannel('resource:default/orders'));
      result.current.refresh();
    });
    await new Promise(r => setTimeout(r, 20));
    expect(calls).toHaveLength(1);
    act(() => calls[0].resolve(chain('first')));
    await waitFor(() => expect(calls).toHaveLength(2));
    act(() => calls[1].resolve(chain('second')));
    await waitFor(() =>
      expect(result.current.value?.stages[0].summary).toBe('second'),
    );
    await new Promise(r => setTimeout(r, 20));
    expect(calls).toHaveLength(2);
  });

  it('keeps the last chain through failed reads and retries until one succeeds', async () => {
    const signals = new InMemorySignals();
    const { api, calls } = controlledApi();
    const { result } = render(api, signals, 0, 20);
    await waitFor(() => expect(calls).toHaveLength(1));
    act(() => calls[0].resolve(chain('CREATING')));
    await waitFor(() =>
      expect(result.current.value?.stages[0].summary).toBe('CREATING'),
    );

    // The backend goes away: a refresh fails, and so does the first retry.
    act(() => result.current.refresh());
    await waitFor(() => expect(calls).toHaveLength(2));
    act(() => calls[1].reject(new Error('Failed to fetch')));
    await waitFor(() =>
      expect(result.current.error?.message).toBe('Failed to fetch'),
    );
    expect(result.current.value?.stages[0].summary).toBe('CREATING');
    await waitFor(() => expect(calls).toHaveLength(3));
    act(() => calls[2].reject(new Error('Failed to fetch')));
    await waitFor(() => expect(calls).toHaveLength(4));
    expect(result.current.value?.stages[0].summary).toBe('CREATING');

    // It is back, with what changed meanwhile; then the retries stop.
    act(() => calls[3].resolve(chain('ACTIVE')));
    await waitFor(() =>
      expect(result.current.value?.stages[0].summary).toBe('ACTIVE'),
    );
    expect(result.current.error).toBeUndefined();
    await new Promise(r => setTimeout(r, 100));
    expect(calls).toHaveLength(4);
  });

  it('after a failed read recovers, reads on for the catch-up window, then rests', async () => {
    const signals = new InMemorySignals();
    let reads = 0;
    let failing = false;
    const api: KratixDynamoDBApi = {
      getStatusChain: async () => {
        reads += 1;
        if (failing) throw new Error('Failed to fetch');
        return chain(`read ${reads}`);
      },
    };
    // A window of a second, reads 20 ms apart: room for many reads even on a loaded machine.
    const { result } = render(api, signals, 0, 20, 0, 1000);
    await waitFor(() => expect(reads).toBe(1));
    await new Promise(r => setTimeout(r, 100)); // no failure yet: nothing more to read
    expect(reads).toBe(1);

    failing = true;
    act(() => result.current.refresh());
    await waitFor(() => expect(result.current.error).toBeDefined());
    failing = false;
    // The retry succeeds; a change whose signal was lost meanwhile is read by the catch-up.
    await waitFor(() => expect(result.current.error).toBeUndefined());
    const recovered = reads;
    await waitFor(() => expect(reads).toBeGreaterThanOrEqual(recovered + 2), {
      timeout: 3000,
    });
    // Past the window, it rests again.
    await new Promise(r => setTimeout(r, 1200));
    const rested = reads;
    await new Promise(r => setTimeout(r, 200));
    expect(reads).toBe(rested);
  });

  it('with signals, still reads at the keep-alive interval, not the fallback one', async () => {
    let n = 0;
    const api: KratixDynamoDBApi = {
      getStatusChain: async () => chain(`read ${++n}`),
    };
    const { result } = render(api, new InMemorySignals(), 10, undefined, 400);
    await waitFor(() => expect(n).toBe(1));
    expect(result.current.live).toBe(true);
    await new Promise(r => setTimeout(r, 100)); // ten fallback intervals: none may fire
    expect(n).toBe(1);
    await waitFor(() => expect(n).toBeGreaterThanOrEqual(3), { timeout: 4000 });
  });

  it('polls at the fallback interval when the app has no signals', async () => {
    let n = 0;
    const api: KratixDynamoDBApi = {
      getStatusChain: async () => chain(`read ${++n}`),
    };
    const { result } = render(api, undefined, 30);
    await waitFor(() => expect(n).toBeGreaterThanOrEqual(3), { timeout: 2000 });
    expect(result.current.live).toBe(false);
  });
});
