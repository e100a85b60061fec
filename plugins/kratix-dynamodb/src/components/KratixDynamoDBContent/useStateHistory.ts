import { useEffect, useRef, useState } from 'react';
import { StageState, StatusChain } from '@kratix-dynamodb/common';

export type StateChange = {
  at: string;
  stage: string;
  from?: StageState;
  to: StageState;
  summary: string;
};

/**
 * The state changes this page has seen, newest first. Kept in the page only: it shows how a
 * chain moved while someone watched, not a stored history.
 */
export function useStateHistory(chain: StatusChain | undefined): StateChange[] {
  const last = useRef(new Map<string, StageState>());
  const [history, setHistory] = useState<StateChange[]>([]);
  useEffect(() => {
    if (!chain) return;
    const changes: StateChange[] = [];
    for (const stage of chain.stages) {
      const from = last.current.get(stage.id);
      if (from !== stage.state) {
        changes.push({
          at: chain.checkedAt,
          stage: stage.id,
          from,
          to: stage.state,
          summary: stage.summary,
        });
        last.current.set(stage.id, stage.state);
      }
    }
    if (changes.length)
      setHistory(previous => [...changes.reverse(), ...previous].slice(0, 200));
  }, [chain]);
  return history;
}
