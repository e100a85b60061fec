import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { resolve as resolvePath } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createSessionTable } from './sessionTable.ts';
import {
  type RunningDynalite,
  startDynalite,
} from './__testUtils__/dynaliteServer.ts';
import { callApi } from './__testUtils__/httpClient.ts';
import { ADMIN_TOKEN, TEST_JWT_SECRET } from './__testUtils__/tokens.ts';

const BIN = resolvePath(__dirname, '../bin/session-api');
const SECRET = 'bin-test-secret-access-key';

interface SpawnedService {
  child: ChildProcess;
  logs: Array<Record<string, any>>;
  exited: Promise<number | null>;
}

/** Runs the bin exactly as the sandbox does: plain node, configuration in env. */
function spawnBin(env: Record<string, string>): SpawnedService {
  const child = spawn(process.execPath, [BIN], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, any>> = [];
  let buffered = '';
  child.stdout!.on('data', chunk => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) logs.push(JSON.parse(line));
  });
  child.stderr!.on('data', chunk => logs.push({ stderr: chunk.toString() }));
  const exited = new Promise<number | null>(done =>
    child.on('exit', code => done(code)),
  );
  return { child, logs, exited };
}

async function waitForLog(service: SpawnedService, msg: string) {
  for (let waited = 0; waited < 15_000; waited += 25) {
    const entry = service.logs.find(log => log.msg === msg);
    if (entry) return entry;
    await new Promise(done => setTimeout(done, 25));
  }
  throw new Error(`no "${msg}" log; got ${JSON.stringify(service.logs)}`);
}

describe('bin/session-api', () => {
  let dynamo: RunningDynalite;
  let env: Record<string, string>;

  beforeAll(async () => {
    dynamo = await startDynalite();
    env = {
      PORT: '0',
      HOST: '127.0.0.1',
      DYNAMODB_TABLE_NAME: 'bin-sessions',
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ACCESS_KEY_ID: 'bin-test-access-key',
      AWS_SECRET_ACCESS_KEY: SECRET,
    };
    const client = new DynamoDBClient({
      region: 'us-east-1',
      endpoint: dynamo.endpoint,
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
    await createSessionTable(client, 'bin-sessions');
    client.destroy();
  });

  afterAll(async () => {
    await dynamo.close();
  });

  it('serves, logs JSON, and drains an in-flight request on SIGTERM before exiting 0', async () => {
    const service = spawnBin(env);
    const { url } = await waitForLog(service, 'session-api listening');
    expect((await callApi(url, 'GET', '/health')).status).toBe(200);
    expect((await callApi(url, 'GET', '/ready')).status).toBe(200);

    // Start a POST but hold back the end of its body, then ask the service to
    // stop. "Expect: 100-continue" makes the server confirm it is handling the
    // request before SIGTERM is sent, so no fixed delay is needed.
    const inFlight = new Promise<number>((done, fail) => {
      const req = request(
        `${url}/sessions`,
        {
          method: 'POST',
          agent: false,
          headers: {
            expect: '100-continue',
            authorization: `Bearer ${ADMIN_TOKEN}`,
          },
        },
        res => {
          res.resume();
          done(res.statusCode ?? 0);
        },
      );
      req.on('error', fail);
      req.once('continue', async () => {
        req.write('{"userId": "draining", ');
        service.child.kill('SIGTERM');
        await waitForLog(service, 'shutting down');
        // New connections are refused while the open request still completes.
        callApi(url, 'GET', '/health').then(
          () => fail(new Error('accepted a connection after SIGTERM')),
          () => req.end('"data": {}}'),
        );
      });
      req.flushHeaders();
    });
    expect(await inFlight).toBe(201);
    expect(await service.exited).toBe(0);

    const requests = service.logs.filter(log => log.msg === 'request');
    expect(requests).toContainEqual(
      expect.objectContaining({
        level: 'info',
        method: 'POST',
        path: '/sessions',
        status: 201,
        latencyMs: expect.any(Number),
        time: expect.any(String),
      }),
    );
    expect(service.logs.map(log => log.msg)).toEqual(
      expect.arrayContaining(['shutting down', 'stopped']),
    );
    expect(service.logs.some(log => log.stderr)).toBe(false);
    expect(JSON.stringify(service.logs)).not.toContain(SECRET);
  });

  it('exits 1 with a JSON error when configuration is missing', async () => {
    const service = spawnBin({ ...env, DYNAMODB_TABLE_NAME: '' });
    expect(await service.exited).toBe(1);
    expect(service.logs).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'invalid configuration',
        error: 'DYNAMODB_TABLE_NAME is required',
      }),
    ]);
  });
});
