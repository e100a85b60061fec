import { NotFoundError } from '@backstage/errors';
import {
  ACK_TABLE_GVK,
  ANNOTATIONS,
  DYNAMODB_REQUEST_GVK,
  LABELS,
} from '@kratix-dynamodb/common';
import type { KubernetesClient, KubernetesObject } from '@kratix-dynamodb/node';

/** The request this action is about to create: a re-run of the same task finds it, and that is not a clash. */
export type TableClaim = {
  tableName: string;
  region: string;
  namespace: string;
  requestName: string;
};

/** Every object of a kind in every namespace, or none when the kind is not installed. */
async function listEverywhere(
  client: KubernetesClient,
  gvk: typeof ACK_TABLE_GVK,
): Promise<KubernetesObject[]> {
  try {
    return (await client.list(gvk)).items;
  } catch (e) {
    if (e instanceof NotFoundError) return [];
    throw e;
  }
}

function describeOwner(kind: string, object: KubernetesObject): string {
  const { namespace, name, annotations } = object.metadata;
  const owner = annotations?.[ANNOTATIONS.owner];
  return `${kind} ${namespace}/${name}${
    owner ? ` (owner ${owner})` : ` (namespace ${namespace})`
  }`;
}

/**
 * Who already holds the table name in the region: another DynamoDBRequest, or an ACK Table that
 * is not the claim's own. Two requests for one table would have two teams writing (and one
 * deleting) the same data.
 */
export async function findTableOwner(
  client: KubernetesClient,
  claim: TableClaim,
): Promise<string | undefined> {
  const isOwnRequest = (namespace?: string, name?: string) =>
    namespace === claim.namespace && name === claim.requestName;
  for (const request of await listEverywhere(client, DYNAMODB_REQUEST_GVK)) {
    if (isOwnRequest(request.metadata.namespace, request.metadata.name))
      continue;
    if (
      request.spec?.name === claim.tableName &&
      request.spec?.region === claim.region
    )
      return describeOwner('DynamoDBRequest', request);
  }
  for (const table of await listEverywhere(client, ACK_TABLE_GVK)) {
    const labels = table.metadata.labels ?? {};
    if (
      isOwnRequest(labels[LABELS.requestNamespace], labels[LABELS.requestName])
    )
      continue;
    const region =
      table.status?.ackResourceMetadata?.region ??
      table.metadata.annotations?.[ANNOTATIONS.ackRegion];
    if (table.spec?.tableName === claim.tableName && region === claim.region)
      return describeOwner('ACK Table', table);
  }
  return undefined;
}
