/** AWS's rules that compare fields with each other, and the list and map sizes. */
import type { DynamoDBRequestValidationError } from '../types';
import { readLenientSpec } from './lenientSpec';
import type { CrossFieldRule } from './rule';
import {
  distinctKeysRule,
  keyOrderRule,
  keysDefinedRule,
} from './keySchemaRules';
import {
  attributeDefinitionsUsedRule,
  uniqueAttributeDefinitionsRule,
} from './attributeDefinitionRules';
import { indexThroughputRule, tableThroughputRule } from './capacityRules';
import {
  nonKeyAttributesTotalRule,
  projectionAttributesRule,
  uniqueIndexNamesRule,
} from './indexRules';
import { timeToLiveTypeRule } from './timeToLiveRules';
import {
  attributeDefinitionsPresentRule,
  indexCountRule,
  keySchemaLengthRule,
  nonKeyAttributesCountRule,
  tagCountRule,
} from './countRules';

/** In the order their errors are best read: sizes, keys, definitions, capacity, indexes. */
const CROSS_FIELD_RULES: readonly CrossFieldRule[] = [
  attributeDefinitionsPresentRule,
  keySchemaLengthRule,
  indexCountRule,
  nonKeyAttributesCountRule,
  tagCountRule,
  keyOrderRule,
  distinctKeysRule,
  keysDefinedRule,
  uniqueAttributeDefinitionsRule,
  attributeDefinitionsUsedRule,
  tableThroughputRule,
  indexThroughputRule,
  uniqueIndexNamesRule,
  projectionAttributesRule,
  nonKeyAttributesTotalRule,
  timeToLiveTypeRule,
];

/** Every violation of the cross-field rules, read from the raw input however malformed. */
export function checkCrossFieldRules(
  input: unknown,
): DynamoDBRequestValidationError[] {
  const spec = readLenientSpec(input);
  return CROSS_FIELD_RULES.flatMap(rule => rule(spec));
}
