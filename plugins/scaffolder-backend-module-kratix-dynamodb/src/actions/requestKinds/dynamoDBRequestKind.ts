import {
  DYNAMODB_REQUEST_GVK,
  validateDynamoDBRequestSpec,
} from '@kratix-dynamodb/common';
import {
  checkCapacity,
  checkTableNamePrefix,
} from '../policy/checkCreateLimits';
import { tableNameUnused } from '../policy/tableNameUnused';
import { readDynamoDBTableReadiness } from '../readiness/waitForDynamoDBTable';
import type { RequestKindHandler } from './RequestKindRegistry';

/**
 * DynamoDBRequest: the request model every producer uses (cross-field rules, the platform's
 * capacity caps), a table name no other request holds, and ready once ACK reports the table
 * ACTIVE. kratix:dynamodb:create and kratix:resource:create both go through it.
 */
export const dynamoDBRequestKind: RequestKindHandler = {
  group: DYNAMODB_REQUEST_GVK.group,
  kind: DYNAMODB_REQUEST_GVK.kind,
  validate(spec, limits, namespace) {
    const result = validateDynamoDBRequestSpec(spec);
    if (!result.valid) return result.errors;
    return [
      ...checkCapacity(result.spec, limits),
      // The namespace's table-name prefix holds whichever action makes the request.
      ...checkTableNamePrefix(result.spec.name, namespace, limits, 'name'),
    ];
  },
  precondition({ actionId, target, spec, specPath }) {
    return tableNameUnused({
      actionId,
      claim: {
        tableName: String(spec.name),
        region: String(spec.region),
        namespace: target.namespace,
        requestName: target.name,
      },
      path: specPath('name'),
    });
  },
  readiness: readDynamoDBTableReadiness,
};
