import { useCallback, useEffect, useRef } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useSignal } from '@backstage/plugin-signals-react';
import { StatusChain, statusChangedChannel } from '@kratix-dynamodb/common';
import { kratixDynamoDBApiRef } from '../../api/KratixDynamoDBApi';

export type LiveStatusChain = {
  value?: StatusChain;
  error?: Error;
  loading: boolean;
  /** Whether changes are pushed (signals) rather than polled for. */
  live: boolean;
  refresh: () => void;
};

/**
 * The entity's status chain, kept current. The backend pushes a signal on the entity's channel
 * when one of its objects or probes changes, and the chain is read again then. Without the
 * signals plugin it falls back to polling every `fallbackPollMs` while the tab is visible.
 *
 * With signals it still reads every `keepAliveMs` (5 minutes): the backend stops watching a
 * card nobody has read for 15 minutes, and a signal sent while the browser's connection was
 * down (a replica restarting) is not sent again, so a quiet card must not trust signals alone.
 *
 * Reads never overlap: a refresh asked for during a read runs once that read is done. And the
 * state only ever holds the answer of the latest read (react-use's async state drops the
 * answers of earlier calls), so a slow old answer cannot overwrite a newer one.
 *
 * A failed read (the backend restarting, say) keeps the last chain read, with the error beside
 * it, and is retried after `retryAfterErrorMs`, doubling up to a minute, until a read succeeds:
 * the backend's signals for changes made meanwhile were lost with it. After that first good
 * read the card goes on reading every `retryAfterErrorMs` for `catchUpMs`: the browser's
 * signals connection comes back some seconds after the backend does (the signals client retries
 * every 5 s, and a restarted backend lets its first WebSocket upgrade hang), and a change in
 * between would otherwise be missed until the next one.
 */
export function useLiveStatusChain(
  entityRef: CompoundEntityRef,
  options: {
    fallbackPollMs?: number;
    /** How often a card that receives signals reads anyway. */
    keepAliveMs?: number;
    includeObjects?: boolean;
    retryAfterErrorMs?: number;
    /** How long after a recovered read the card keeps reading, until signals are back. */
    catchUpMs?: number;
    /** The entity's cluster annotation: a cluster that acts as each user needs their token. */
    cluster?: string;
  } = {},
): LiveStatusChain {
  const api = useApi(kratixDynamoDBApiRef);
  const { namespace, kind, name } = entityRef;
  const includeObjects = Boolean(options.includeObjects);
  const fallbackPollMs = options.fallbackPollMs ?? 30_000;
  const keepAliveMs = options.keepAliveMs ?? 5 * 60_000;
  const retryAfterErrorMs = options.retryAfterErrorMs ?? 5_000;
  const catchUpMs = options.catchUpMs ?? 60_000;

  const state = useAsyncRetry(
    () =>
      api.getStatusChain(
        { namespace, kind, name },
        { includeObjects, cluster: options.cluster },
      ),
    [api, namespace, kind, name, includeObjects, options.cluster],
  );
  const { loading, retry } = state;

  // react-use forgets the value when a read fails; the card must not.
  const readKey = `${namespace}/${kind}/${name}/${includeObjects}`;
  const lastGood = useRef<{ key: string; value?: StatusChain }>({
    key: readKey,
  });
  if (lastGood.current.key !== readKey) lastGood.current = { key: readKey };
  if (state.value) lastGood.current.value = state.value;

  const failures = useRef(0);
  const catchUpUntil = useRef(0);
  useEffect(() => {
    if (loading) return undefined;
    if (!state.error) {
      if (failures.current > 0) catchUpUntil.current = Date.now() + catchUpMs;
      failures.current = 0;
      if (Date.now() >= catchUpUntil.current) return undefined;
      const timer = setTimeout(() => retry(), retryAfterErrorMs);
      return () => clearTimeout(timer);
    }
    const delay = Math.min(retryAfterErrorMs * 2 ** failures.current, 60_000);
    failures.current += 1;
    const timer = setTimeout(() => retry(), delay);
    return () => clearTimeout(timer);
  }, [loading, state.error, retry, retryAfterErrorMs, catchUpMs]);

  const wanted = useRef(false);
  const refresh = useCallback(() => {
    if (loading) wanted.current = true;
    else retry();
  }, [loading, retry]);
  useEffect(() => {
    if (!loading && wanted.current) {
      wanted.current = false;
      retry();
    }
  }, [loading, retry]);

  const channel = statusChangedChannel(
    stringifyEntityRef({ namespace, kind, name }),
  );
  const { lastSignal, isSignalsAvailable } = useSignal(channel);
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  useEffect(() => {
    if (lastSignal) refreshRef.current();
  }, [lastSignal]);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const every = isSignalsAvailable ? keepAliveMs : fallbackPollMs;
    const start = () => {
      if (every > 0 && timer === undefined)
        timer = setInterval(() => refreshRef.current(), every);
    };
    const stop = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    };
    // A tab that comes back may have missed changes (signals, too, pause with the page).
    const onVisibility = () => {
      if (document.hidden) stop();
      else {
        refreshRef.current();
        start();
      }
    };
    if (!document.hidden) start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [isSignalsAvailable, fallbackPollMs, keepAliveMs]);

  return {
    value: state.value ?? lastGood.current.value,
    error: state.error,
    loading,
    live: isSignalsAvailable,
    refresh,
  };
}
