import { NotFoundError } from '@backstage/errors';
import {
  ACK_TABLE_GVK,
  DYNAMODB_REQUEST_GVK,
  LABELS,
} from '@kratix-dynamodb/common';
import type { KubernetesClient, KubernetesObject } from '@kratix-dynamodb/node';
import {
  isConditionTrue,
  unhappyConditionMessages,
} from './kubernetesConditions';
import type { Readiness } from './waitForReadiness';

const RECONCILED = 'DynamoDBRequest reconciled by Kratix';
const ACTIVE = 'ACK Table ACTIVE';

function describeRequest(request: KubernetesObject): string {
  if (!request.status)
    return 'the request has no status yet: is a Kratix controller running on the cluster?';
  const problems = unhappyConditionMessages(request);
  const message = request.status.message
    ? `request status: ${request.status.message}`
    : 'request not reconciled yet';
  return [message, ...problems].join('; ');
}

function describeTable(
  table: KubernetesObject | undefined,
  selector: string,
): string {
  if (!table) return `no ACK Table labelled ${selector} yet`;
  const where = `ACK Table ${table.metadata.namespace ?? ''}/${
    table.metadata.name
  }`;
  if (!table.status)
    return `${where} has no status yet: is the ACK DynamoDB controller running, with AWS credentials?`;
  return [
    `${where} has tableStatus ${table.status.tableStatus ?? '(none)'}`,
    ...unhappyConditionMessages(table),
  ].join('; ');
}

/**
 * Reads how far a request got: first Kratix must have reconciled it (its workflow rendered
 * the ACK Table), then ACK must report the table ACTIVE. The Table is found by the labels
 * the workflow stamps, in any namespace, because the workflow's destination decides where.
 */
export function readDynamoDBTableReadiness(
  client: KubernetesClient,
  namespace: string,
  name: string,
) {
  return async (): Promise<Readiness> => {
    const request = await client.get(DYNAMODB_REQUEST_GVK, namespace, name);
    if (!request) {
      throw new NotFoundError(
        `DynamoDBRequest ${namespace}/${name} disappeared from cluster '${client.cluster}' while waiting for it`,
      );
    }
    const reconciled = isConditionTrue(request, 'Reconciled');
    if (!reconciled) {
      return {
        milestones: [
          { label: RECONCILED, reached: false },
          { label: ACTIVE, reached: false },
        ],
        detail: describeRequest(request),
      };
    }
    const selector = `${LABELS.requestName}=${name},${LABELS.requestNamespace}=${namespace}`;
    const { items } = await client.list(ACK_TABLE_GVK, {
      labelSelector: selector,
    });
    const table = items[0];
    const active = table?.status?.tableStatus === 'ACTIVE';
    return {
      milestones: [
        { label: RECONCILED, reached: true },
        { label: ACTIVE, reached: active },
      ],
      detail: active ? undefined : describeTable(table, selector),
    };
  };
}
