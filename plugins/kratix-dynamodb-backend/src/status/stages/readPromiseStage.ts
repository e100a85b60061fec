import { StatusStage } from '@kratix-dynamodb/common';
import { ChainReads, unreadableStage } from '../ChainReads';
import { promiseStage } from './promiseStage';

/** The Promise stage from the cluster's Promises: the one the entity's request belongs to. */
export function readPromiseStage(reads: ChainReads): StatusStage {
  // A missing Promise API is the Kratix diagnosis itself, not a generic unreadable stage.
  if (reads.promises.state.kind === 'missing-api')
    return promiseStage({ kind: 'missing-api' }, reads.promiseName);
  const unreadable = unreadableStage(
    'promise',
    reads.promises,
    'Install Kratix',
  );
  if (unreadable) return unreadable;
  const object = reads.note(reads.promises.get(undefined, reads.promiseName));
  return promiseStage(
    object ? { kind: 'found', object } : { kind: 'absent' },
    reads.promiseName,
  );
}
