import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { StatusChain } from '@kratix-dynamodb/common';
import { kratixDynamodbApiRef } from '../../api/KratixDynamodbApi';

export type PolledStatusChain = {
  value?: StatusChain;
  error?: Error;
  loading: boolean;
  refresh: () => void;
};

/**
 * The entity's status chain, fetched now and every `intervalMs` while the tab is visible:
 * a hidden tab stops polling, and showing it again fetches at once.
 */
export function usePolledStatusChain(
  entityRef: CompoundEntityRef,
  intervalMs: number,
  options: { includeObjects?: boolean } = {},
): PolledStatusChain {
  const api = useApi(kratixDynamodbApiRef);
  const [state, setState] = useState<Omit<PolledStatusChain, 'refresh'>>({ loading: true });
  const { namespace, kind, name } = entityRef;
  const includeObjects = Boolean(options.includeObjects);

  const load = useCallback(async () => {
    try {
      const value = await api.getStatusChain({ namespace, kind, name }, { includeObjects });
      setState({ value, loading: false });
    } catch (error) {
      setState(previous => ({ ...previous, error: error as Error, loading: false }));
    }
  }, [api, namespace, kind, name, includeObjects]);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      if (timer === undefined && intervalMs > 0) timer = setInterval(load, intervalMs);
    };
    const stop = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.hidden) {
        stop();
      } else {
        load();
        start();
      }
    };
    load();
    if (!document.hidden) start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [load, intervalMs]);

  return { ...state, refresh: load };
}
