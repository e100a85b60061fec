/**
 * Maps an ACK Table spec (lower camel case) to DynamoDB's CreateTable input (upper camel case),
 * for the fields ACK passes through. Fields dynalite does not implement (time to live,
 * deletion protection, table class) are left out.
 */
export function tableCreateInput(spec: any): Record<string, unknown> {
  const keySchema = (list: any[] | undefined) =>
    list?.map(k => ({ AttributeName: k.attributeName, KeyType: k.keyType }));
  const throughput = (t: any) =>
    t && {
      ReadCapacityUnits: t.readCapacityUnits,
      WriteCapacityUnits: t.writeCapacityUnits,
    };
  const projection = (p: any) =>
    p && {
      ProjectionType: p.projectionType,
      ...(p.nonKeyAttributes ? { NonKeyAttributes: p.nonKeyAttributes } : {}),
    };
  const input: Record<string, unknown> = {
    TableName: spec.tableName,
    AttributeDefinitions: spec.attributeDefinitions?.map((a: any) => ({
      AttributeName: a.attributeName,
      AttributeType: a.attributeType,
    })),
    KeySchema: keySchema(spec.keySchema),
  };
  if (spec.billingMode) input.BillingMode = spec.billingMode;
  if (spec.provisionedThroughput)
    input.ProvisionedThroughput = throughput(spec.provisionedThroughput);
  if (spec.globalSecondaryIndexes?.length) {
    input.GlobalSecondaryIndexes = spec.globalSecondaryIndexes.map(
      (g: any) => ({
        IndexName: g.indexName,
        KeySchema: keySchema(g.keySchema),
        Projection: projection(g.projection),
        ...(g.provisionedThroughput
          ? { ProvisionedThroughput: throughput(g.provisionedThroughput) }
          : {}),
      }),
    );
  }
  if (spec.localSecondaryIndexes?.length) {
    input.LocalSecondaryIndexes = spec.localSecondaryIndexes.map((l: any) => ({
      IndexName: l.indexName,
      KeySchema: keySchema(l.keySchema),
      Projection: projection(l.projection),
    }));
  }
  if (spec.streamSpecification) {
    input.StreamSpecification = {
      StreamEnabled: spec.streamSpecification.streamEnabled,
      ...(spec.streamSpecification.streamViewType
        ? { StreamViewType: spec.streamSpecification.streamViewType }
        : {}),
    };
  }
  if (spec.tags?.length)
    input.Tags = spec.tags.map((t: any) => ({ Key: t.key, Value: t.value }));
  return input;
}
