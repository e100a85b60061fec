/*
 * The database migration test: the catalog and the scaffolder on PostgreSQL (the embedded
 * server that `KRATIX_DB=postgres npm run dev` uses). One backend start creates their tables;
 * after a restart against the same data folder the migrations find nothing to do, and what the
 * first start wrote is still served.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import request from 'supertest';
// The embedded PostgreSQL that `KRATIX_DB=postgres npm run dev` starts: the test uses that very
// launcher (a root script, not a workspace package), so what dev runs is what is tested.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  PostgresConnection,
  RunningPostgres,
  startPostgres,
} from '../../../scripts/postgres';

jest.setTimeout(120_000);

// Registered, never read: the test only needs a row the first start writes.
const locationTarget = 'https://example.com/teams/sessions/catalog-info.yaml';

async function startBackend(connection: PostgresConnection) {
  return startTestBackend({
    features: [
      import('@backstage/plugin-catalog-backend'),
      import('@backstage/plugin-scaffolder-backend'),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            baseUrl: 'http://127.0.0.1',
            database: { client: 'pg', connection },
          },
          catalog: { rules: [{ allow: ['Component', 'Resource', 'System'] }] },
        },
      }),
    ],
  });
}

async function tablesOf(connection: PostgresConnection, database: string) {
  const db = knexFactory({
    client: 'pg',
    connection: { ...connection, database },
  });
  try {
    const tables = await db('pg_tables')
      .where({ schemaname: 'public' })
      .pluck('tablename');
    const [{ count }] = await db('knex_migrations').count({ count: '*' });
    return { tables: tables.sort(), migrations: Number(count) };
  } finally {
    await db.destroy();
  }
}

describe('the backend on PostgreSQL', () => {
  let dataDir: string;
  let postgres: RunningPostgres | undefined;

  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kratix-pg-'));
    // Run as root, the server runs as the postgres user, which must reach the folder.
    fs.chmodSync(dir, 0o755);
    dataDir = path.join(dir, 'data');
  });

  afterAll(async () => {
    await postgres?.stop();
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('keeps its tables and data across a restart of the backend and the database', async () => {
    postgres = await startPostgres({ dataDir });
    expect(postgres.initialised).toBe(true);

    const first = await startBackend(postgres.connection);
    const created = await request(first.server)
      .post('/api/catalog/locations')
      .set('Authorization', mockCredentials.user.header())
      .send({ type: 'url', target: locationTarget });
    expect(created.status).toBe(201);
    const catalog = await tablesOf(
      postgres.connection,
      'backstage_plugin_catalog',
    );
    const scaffolder = await tablesOf(
      postgres.connection,
      'backstage_plugin_scaffolder',
    );
    expect(catalog.tables).toEqual(
      expect.arrayContaining(['final_entities', 'locations', 'refresh_state']),
    );
    expect(scaffolder.tables).toEqual(
      expect.arrayContaining(['tasks', 'task_events']),
    );
    await first.stop();

    // The whole database restarts too, as `npm run dev` with persistence does.
    await postgres.stop();
    postgres = await startPostgres({ dataDir, port: postgres.port });
    expect(postgres.initialised).toBe(false);

    const second = await startBackend(postgres.connection);
    const locations = await request(second.server)
      .get('/api/catalog/locations')
      .set('Authorization', mockCredentials.user.header());
    expect(locations.status).toBe(200);
    expect(locations.body.map((l: any) => l.data.target)).toContain(
      locationTarget,
    );
    // No migration ran twice, and none was missing.
    expect(
      await tablesOf(postgres.connection, 'backstage_plugin_catalog'),
    ).toEqual(catalog);
    expect(
      await tablesOf(postgres.connection, 'backstage_plugin_scaffolder'),
    ).toEqual(scaffolder);
    await second.stop();
  });
});
