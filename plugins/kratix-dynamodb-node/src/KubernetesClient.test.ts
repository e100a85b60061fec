import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  DYNAMODB_REQUEST_GVK,
  KRATIX_PROMISE_GVK,
} from '@kratix-dynamodb/common';
import { KubernetesClient } from './KubernetesClient';

type Handler = (
  req: http.IncomingMessage,
  body: string,
) => { status: number; body?: unknown };

/** A stand-in API server on 127.0.0.1 whose answers each test scripts. */
async function startApiServer(handler: Handler) {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', c => (body += c));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url} auth=${req.headers.authorization}`);
      const answer = handler(req, body);
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

const discovery = {
  status: 200,
  body: {
    kind: 'APIResourceList',
    resources: [
      { name: 'dynamodbrequests', kind: 'DynamoDBRequest', namespaced: true },
      {
        name: 'dynamodbrequests/status',
        kind: 'DynamoDBRequest',
        namespaced: true,
      },
    ],
  },
};

function clientFor(url: string) {
  return new KubernetesClient({
    cluster: 'test',
    connection: {
      server: url,
      headers: { Authorization: 'Bearer s3cr3t-token' },
      rejectUnauthorized: true,
    },
    backoffMs: 1,
    timeoutMs: 500,
  });
}

describe('KubernetesClient', () => {
  let api: Awaited<ReturnType<typeof startApiServer>> | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('finds the plural through discovery, once, and sends the token', async () => {
    api = await startApiServer(req =>
      req.url === '/apis/dynamodb.kratix.io/v1alpha1'
        ? discovery
        : { status: 200, body: { metadata: { name: 'orders' } } },
    );
    const client = clientFor(api.url);
    await client.get(DYNAMODB_REQUEST_GVK, 'team-a', 'orders');
    await client.get(DYNAMODB_REQUEST_GVK, 'team-a', 'orders');
    expect(api.seen).toEqual([
      'GET /apis/dynamodb.kratix.io/v1alpha1 auth=Bearer s3cr3t-token',
      'GET /apis/dynamodb.kratix.io/v1alpha1/namespaces/team-a/dynamodbrequests/orders auth=Bearer s3cr3t-token',
      'GET /apis/dynamodb.kratix.io/v1alpha1/namespaces/team-a/dynamodbrequests/orders auth=Bearer s3cr3t-token',
    ]);
  });

  it('says which part of the platform is missing when its API group is absent', async () => {
    api = await startApiServer(() => ({
      status: 404,
      body: { kind: 'Status', code: 404 },
    }));
    const client = clientFor(api.url);
    await expect(client.list(KRATIX_PROMISE_GVK)).rejects.toThrow(
      new NotFoundError(
        "Kratix is not installed on cluster 'test' (no platform.kratix.io API)",
      ),
    );
  });

  it('maps 409, 422, 401 and 403 to Backstage errors that name the object, never the token', async () => {
    const answers: Record<string, { status: number; body: unknown }> = {
      conflict: {
        status: 409,
        body: {
          kind: 'Status',
          message: 'dynamodbrequests "conflict" already exists',
        },
      },
      invalid: {
        status: 422,
        body: {
          kind: 'Status',
          details: {
            causes: [
              {
                field: 'spec.keySchema[1].keyType',
                message: 'Unsupported value: "FOO"',
              },
            ],
          },
        },
      },
      unauthorized: {
        status: 401,
        body: { kind: 'Status', message: 'Unauthorized' },
      },
      forbidden: {
        status: 403,
        body: {
          kind: 'Status',
          message:
            'User "system:serviceaccount:backstage:reader" cannot create resource "dynamodbrequests"',
        },
      },
    };
    api = await startApiServer((req, body) =>
      req.method === 'GET'
        ? discovery
        : answers[JSON.parse(body).metadata.name],
    );
    const client = clientFor(api.url);
    const create = (name: string) =>
      client.create(DYNAMODB_REQUEST_GVK, {
        metadata: { name, namespace: 'team-a' },
      });

    await expect(create('conflict')).rejects.toBeInstanceOf(ConflictError);
    await expect(create('conflict')).rejects.toThrow(
      /dynamodbrequests.dynamodb.kratix.io "conflict" in namespace team-a/,
    );
    await expect(create('invalid')).rejects.toBeInstanceOf(InputError);
    await expect(create('invalid')).rejects.toThrow(
      /spec.keySchema\[1\].keyType: Unsupported value/,
    );
    // The refused fields are kept as data, so the wizard can show each at its field.
    await expect(create('invalid')).rejects.toMatchObject({
      name: 'InputError',
      causes: [
        {
          field: 'spec.keySchema[1].keyType',
          message: 'Unsupported value: "FOO"',
        },
      ],
    });
    await expect(create('unauthorized')).rejects.toBeInstanceOf(
      AuthenticationError,
    );
    await expect(create('forbidden')).rejects.toBeInstanceOf(NotAllowedError);
    await expect(create('forbidden')).rejects.toThrow(
      /system:serviceaccount:backstage:reader cannot create|cannot create resource/,
    );
    for (const name of Object.keys(answers)) {
      await expect(create(name)).rejects.not.toThrow(/s3cr3t-token/);
    }
  });

  it('retries 5xx a bounded number of times, then reports the cluster as unavailable', async () => {
    let calls = 0;
    api = await startApiServer(req => {
      if (req.url?.endsWith('v1alpha1')) return discovery;
      calls++;
      return { status: 503, body: { kind: 'Status', message: 'etcd is sad' } };
    });
    await expect(
      clientFor(api.url).list(DYNAMODB_REQUEST_GVK, { namespace: 'x' }),
    ).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(calls).toBe(3);
  });

  it('recovers when a retry succeeds', async () => {
    let calls = 0;
    api = await startApiServer(req => {
      if (req.url?.endsWith('v1alpha1')) return discovery;
      calls++;
      return calls < 2
        ? { status: 500, body: {} }
        : { status: 200, body: { items: [], metadata: {} } };
    });
    await expect(
      clientFor(api.url).list(DYNAMODB_REQUEST_GVK),
    ).resolves.toEqual({ items: [], metadata: {} });
  });

  it('reports an unreachable cluster without hanging', async () => {
    const client = clientFor('http://127.0.0.1:1');
    await expect(client.list(DYNAMODB_REQUEST_GVK)).rejects.toThrow(
      /Cluster 'test' could not be reached/,
    );
  });
});
