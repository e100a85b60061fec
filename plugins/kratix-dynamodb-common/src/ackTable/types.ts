/**
 * The ACK Table (dynamodb.services.k8s.aws/v1alpha1) as the workflow pipeline writes it and
 * the wizard previews it: only the fields the pipeline sets. The field names are ACK's, which follow the DynamoDB API.
 */

/** @public */
export type AckKeySchemaElement = { attributeName: string; keyType: string };

/** @public */
export type AckProvisionedThroughput = {
  readCapacityUnits: number;
  writeCapacityUnits: number;
};

/** @public */
export type AckGlobalSecondaryIndex = {
  indexName: string;
  keySchema: AckKeySchemaElement[];
  projection: { projectionType: string; nonKeyAttributes?: string[] };
  provisionedThroughput?: AckProvisionedThroughput;
};

/** @public */
export type AckTableSpec = {
  tableName: string;
  attributeDefinitions: { attributeName: string; attributeType: string }[];
  keySchema: AckKeySchemaElement[];
  billingMode: string;
  provisionedThroughput?: AckProvisionedThroughput;
  globalSecondaryIndexes?: AckGlobalSecondaryIndex[];
  timeToLive?: { attributeName: string; enabled: boolean };
  tags?: { key: string; value: string }[];
};

/** @public */
export type AckTable = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
  spec: AckTableSpec;
};
