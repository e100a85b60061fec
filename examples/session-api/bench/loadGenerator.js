const { createHmac, randomBytes } = require('node:crypto');
const http = require('node:http');
const { performance } = require('node:perf_hooks');

/** The HS256 secret run.js gives the service, and an admin token signed with it. */
const BENCH_JWT_SECRET = randomBytes(32).toString('hex');
const b64 = value => Buffer.from(JSON.stringify(value)).toString('base64url');
const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({
  sub: 'bench',
  exp: Math.floor(Date.now() / 1000) + 86_400,
  roles: ['session-admin'],
})}`;
const BENCH_TOKEN = `${unsigned}.${createHmac('sha256', BENCH_JWT_SECRET)
  .update(unsigned)
  .digest('base64url')}`;

const OPERATIONS = ['create', 'get', 'update'];

function send(agent, baseUrl, method, path, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      `${baseUrl}${path}`,
      {
        method,
        agent,
        headers: {
          authorization: `Bearer ${BENCH_TOKEN}`,
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      res => {
        const chunks = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            text: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * `clients` concurrent loops, each repeating create -> get -> update on its
 * own session, over keep-alive connections. Latencies are recorded only
 * after the warm-up, so JIT and connection setup do not skew them.
 */
async function generateLoad({ baseUrl, clients, warmupMs, durationMs }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies = { create: [], get: [], update: [] };
  let errors = 0;
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const stopAt = measureFrom + durationMs;

  const timed = async (operation, method, path, body, expectedStatus) => {
    const began = performance.now();
    const response = await send(agent, baseUrl, method, path, body);
    const ended = performance.now();
    if (response.status !== expectedStatus) {
      errors++;
      return undefined;
    }
    if (began >= measureFrom && ended <= stopAt)
      latencies[operation].push(ended - began);
    return response;
  };

  const client = async index => {
    let iteration = 0;
    while (performance.now() < stopAt) {
      iteration++;
      const data = { client: index, iteration, cart: ['book', 'pen'] };
      const created = await timed(
        'create',
        'POST',
        '/sessions',
        { userId: `user-${index}`, data },
        201,
      );
      if (!created) continue;
      const { id } = JSON.parse(created.text);
      await timed('get', 'GET', `/sessions/${id}`, undefined, 200);
      await timed(
        'update',
        'PUT',
        `/sessions/${id}`,
        { data: { iteration: -iteration } },
        200,
      );
    }
  };

  await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
  agent.destroy();
  return { latencies, errors, durationSeconds: durationMs / 1000 };
}

module.exports = {
  BENCH_JWT_SECRET,
  generateLoad,
  OPERATIONS,
};
