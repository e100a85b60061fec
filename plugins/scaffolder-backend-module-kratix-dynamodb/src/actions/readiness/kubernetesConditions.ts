import { conditionsOf } from '@kratix-dynamodb/common';

export function isConditionTrue(
  object: { status?: any } | undefined,
  type: string,
): boolean {
  return conditionsOf(object).some(c => c.type === type && c.status === 'True');
}

/** The messages of conditions that are not True, e.g. a failed workflow or an AWS error. */
export function unhappyConditionMessages(
  object: { status?: any } | undefined,
): string[] {
  return conditionsOf(object)
    .filter(c => c.status !== 'True' && c.message)
    .map(c => `${c.type}: ${c.message}`);
}
