/**
 * Bad input to every route of the backend plugin, as a hostile colleague (or a broken client)
 * sends it: wrong types, huge bodies, unknown clusters, and names with `/`, `..`, `%2F` or
 * unicode. Each must be answered with a 4xx whose message names the field, never a 500 and
 * never a stack trace. The one configured cluster points at a port nobody listens on: none of
 * these requests may need it.
 */
import request from 'supertest';
import { startBackendWithUnreachableCluster } from './__testUtils__/backendWithUnreachableCluster';

const SPEC = {
  name: 'orders',
  region: 'us-east-1',
  billingMode: 'PAY_PER_REQUEST',
  attributeDefinitions: [{ name: 'id', type: 'S' }],
  keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
};
const BODY = { cluster: 'sandbox', namespace: 'team-a', name: 'orders' };

/** Cluster names no config holds, or that are not names at all (sent URL-encoded). */
const HOSTILE_CLUSTERS = [
  'prod',
  '..',
  'sandbox/..',
  'sandbox%2F..',
  'sändbox',
  'c'.repeat(10_000),
];

type Case = {
  what: string;
  send: (server: any) => request.Test;
  status: number;
  says: RegExp;
};

const get = (path: string) => (server: any) => request(server).get(path);
const validate = (body: unknown) => (server: any) =>
  request(server)
    .post('/api/kratix-dynamodb/validate')
    .set('Content-Type', 'application/json')
    .send(typeof body === 'string' ? body : JSON.stringify(body));

const cases: Case[] = [
  ...HOSTILE_CLUSTERS.flatMap((cluster): Case[] => {
    const c = encodeURIComponent(cluster);
    const label =
      cluster.length > 20 ? `${cluster.length} characters` : cluster;
    return [
      {
        what: `GET /clusters/${label}/namespaces`,
        send: get(`/api/kratix-dynamodb/clusters/${c}/namespaces`),
        status: 400,
        says: /cluster/,
      },
      {
        what: `GET /clusters/${label}/auth`,
        send: get(`/api/kratix-dynamodb/clusters/${c}/auth`),
        status: 400,
        says: /cluster/,
      },
      {
        what: `POST /validate to cluster ${label}`,
        send: validate({ ...BODY, cluster, spec: SPEC }),
        status: 400,
        says: /cluster/,
      },
    ];
  }),
  ...['..', 'a/b', 'a%2Fb', 'tëam-a', 'Team-A', 'n'.repeat(64)].map(
    (namespace): Case => ({
      what: `POST /validate in namespace ${namespace.slice(0, 20)}`,
      send: validate({ ...BODY, namespace, spec: SPEC }),
      status: 400,
      says: /namespace/,
    }),
  ),
  ...['..', 'orders/../x', 'orders%2Fx', 'ördérs'].map(
    (name): Case => ({
      what: `POST /validate named ${name}`,
      send: validate({ ...BODY, name, spec: SPEC }),
      status: 400,
      says: /name/,
    }),
  ),
  ...(
    [
      ['a number for the cluster', { ...BODY, cluster: 7 }, /cluster/],
      ['a list for the namespace', { ...BODY, namespace: ['a'] }, /namespace/],
      ['an object for the name', { ...BODY, name: { $ne: '' } }, /name/],
      [
        'null for the application',
        { ...BODY, application: null },
        /application/,
      ],
      [
        'a number for the application name',
        { ...BODY, application: { name: 5 } },
        /name/,
      ],
      ['a list for the body', [BODY], /body/],
      ['a string for the body', '"orders"', /body/],
    ] as const
  ).map(
    ([what, body, says]): Case => ({
      what: `POST /validate with ${what}`,
      send: validate(body),
      status: 400,
      says,
    }),
  ),
  {
    what: 'POST /validate with a body that is not JSON',
    send: validate('{"cluster": '),
    status: 400,
    says: /JSON|body/i,
  },
  {
    what: 'POST /validate with a 1 MB body',
    send: validate({ ...BODY, spec: { ...SPEC, name: 'a'.repeat(1_000_000) } }),
    status: 413,
    says: /too large|body/i,
  },
  ...(
    [
      // Not found: the catalog client encodes each part, so '..' is only a name.
      ['name', '..', 404, /No catalog entity/],
      ['name', 'tëam', 404, /No catalog entity/],
      ['name', 'a/b', 400, /^name in \/status/],
      ['name', 'x'.repeat(300), 400, /^name in \/status/],
      ['namespace', 'a:b', 400, /^namespace in \/status/],
      ['kind', '../../secrets', 400, /^kind in \/status/],
    ] as const
  ).map(([field, value, status, says]): Case => {
    const parts = { namespace: 'default', kind: 'resource', name: 'orders' };
    const path = Object.values({ ...parts, [field]: value })
      .map(encodeURIComponent)
      .join('/');
    return {
      what: `GET /status with ${field} ${value.slice(0, 20)}`,
      send: get(`/api/kratix-dynamodb/status/${path}`),
      status,
      says,
    };
  }),
  {
    what: 'GET /status with ?objects=[] (a list for a flag)',
    send: get(
      '/api/kratix-dynamodb/status/default/resource/orders?objects=a&objects=b',
    ),
    status: 400,
    says: /objects/,
  },
];

describe('bad input to every route of the backend plugin', () => {
  let server: any;

  beforeAll(async () => {
    server = await startBackendWithUnreachableCluster();
  });

  it.each(cases.map(c => [c.what, c] as const))(
    '%s is a 4xx that names the field',
    async (_, { send, status, says }) => {
      const res = await send(server);
      expect(res.status).toBe(status);
      const message: string = res.body?.error?.message ?? '';
      expect(message).toMatch(says);
      // For people: bounded, no echo of a huge value, and no stack trace.
      expect(message.length).toBeLessThan(2000);
      expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at /);
      expect(res.body?.error?.stack).toBeUndefined();
    },
  );
});
