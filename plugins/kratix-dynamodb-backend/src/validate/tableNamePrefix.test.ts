/**
 * POST /validate asks for the namespace's table-name prefix (kratixDynamodb.tenancy
 * .tableNamePrefix) as the scaffolder's actions do, and says so at `spec.name` before the
 * cluster is asked (the configured cluster here listens nowhere).
 */
import request from 'supertest';
import { startBackendWithUnreachableCluster } from '../__testUtils__/backendWithUnreachableCluster';

const SPEC = {
  region: 'us-east-1',
  billingMode: 'PAY_PER_REQUEST',
  attributeDefinitions: [{ name: 'id', type: 'S' }],
  keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
};

describe('POST /validate with a table-name prefix', () => {
  let server: any;
  beforeAll(async () => {
    server = await startBackendWithUnreachableCluster({
      tenancy: { tableNamePrefix: '{namespace}-' },
    });
  });

  /** Asks for a table named `tableName` in team a's namespace. */
  const validateTable = (tableName: string) =>
    request(server)
      .post('/api/kratix-dynamodb/validate')
      .send({
        cluster: 'sandbox',
        namespace: 'team-a',
        name: 'orders',
        spec: { ...SPEC, name: tableName },
      });

  it("refuses team b's prefix in team a's namespace, at spec.name, naming the prefix", async () => {
    const res = await validateTable('team-b-orders');
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('refused');
    expect(res.body.problems).toEqual([
      {
        source: 'policy',
        field: 'spec.name',
        message:
          "table name 'team-b-orders' must start with 'team-a-' in namespace team-a (kratixDynamodb.tenancy.tableNamePrefix)",
      },
    ]);
  });

  it('passes a prefixed name on to the cluster', async () => {
    const res = await validateTable('team-a-orders');
    // Past the prefix, the cluster is asked: here it is unreachable, so unchecked.
    expect(res.body.outcome).toBe('unchecked');
  });
});
