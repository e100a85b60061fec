import {
  fromRows,
  toRows,
  withAttributeType,
  type TableDesign,
} from './tableDesign';
import { locateDesignErrors, validateTableDesign } from './designErrors';
import { dynamoDBTableDesignerValidation } from './designerValidation';

const sessionDesign: TableDesign = {
  billingMode: 'PAY_PER_REQUEST',
  attributeDefinitions: [
    { name: 'id', type: 'S' },
    { name: 'userId', type: 'S' },
  ],
  keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
  globalSecondaryIndexes: [
    {
      indexName: 'userId-index',
      keySchema: [{ attributeName: 'userId', keyType: 'HASH' }],
      projection: { projectionType: 'ALL' },
    },
  ],
  timeToLive: { attributeName: 'expiresAt', enabled: true },
};

describe('the table design', () => {
  it('round-trips through the editor rows unchanged', () => {
    expect(fromRows(toRows(sessionDesign))).toEqual(sessionDesign);
    expect(validateTableDesign(sessionDesign)).toEqual([]);
  });

  it('derives attributeDefinitions from the key rows, each attribute once', () => {
    const rows = toRows(sessionDesign);
    rows.indexes[0].keys.push({
      attributeName: 'id',
      keyType: 'RANGE',
      attributeType: 'S',
    });
    expect(
      fromRows(withAttributeType(rows, 'userId', 'N')).attributeDefinitions,
    ).toEqual([
      { name: 'id', type: 'S' },
      { name: 'userId', type: 'N' },
    ]);
  });

  it('sends capacity only with PROVISIONED billing, for the table and each index', () => {
    const provisioned = fromRows({
      ...toRows(sessionDesign),
      billingMode: 'PROVISIONED',
    });
    expect(provisioned.provisionedThroughput).toEqual({
      readCapacityUnits: 5,
      writeCapacityUnits: 5,
    });
    expect(
      provisioned.globalSecondaryIndexes![0].provisionedThroughput,
    ).toBeDefined();
    const onDemand = fromRows({
      ...toRows(provisioned),
      billingMode: 'PAY_PER_REQUEST',
    });
    expect(onDemand).toEqual(sessionDesign);
  });

  it('reports a second HASH key at that row, and refuses it on Next', () => {
    const rows = toRows(sessionDesign);
    rows.keys.push({
      attributeName: 'createdAt',
      keyType: 'HASH',
      attributeType: 'N',
    });
    const design = fromRows(rows);
    expect(validateTableDesign(design).map(e => e.path)).toEqual([
      'keySchema[1].keyType',
    ]);
    const added: string[] = [];
    dynamoDBTableDesignerValidation(
      design,
      { addError: (m: string) => added.push(m) } as any,
      {} as any,
    );
    expect(added).toEqual([
      expect.stringMatching(/^keySchema\[1\]\.keyType: must be RANGE/),
    ]);
  });

  it('shows an error about a derived definition at the row that names the attribute', () => {
    const rows = toRows(sessionDesign);
    rows.timeToLive = { attributeName: 'userId', enabled: true };
    const design = fromRows(rows);
    const errors = locateDesignErrors(validateTableDesign(design), design);
    expect(errors.map(e => e.path)).toEqual(['timeToLive.attributeName']);
    const bad = {
      ...sessionDesign,
      attributeDefinitions: [
        { name: 'id', type: 'X' as any },
        sessionDesign.attributeDefinitions[1],
      ],
    };
    expect(
      locateDesignErrors(validateTableDesign(bad), bad).map(e => e.path),
    ).toEqual(['keySchema[0].attributeType']);
  });
});
