#!/usr/bin/env node
/*
 * Benchmark: dynalite and the service (via bin/session-api) each in their own
 * process, N concurrent clients doing create -> get -> update for a fixed
 * duration. Prints req/s and p50/p99 latency per operation as the median of
 * several runs, each on a fresh dynalite + service.
 *
 *   node bench/run.js [--clients 20] [--duration 10] [--warmup 2] [--runs 3]
 */
const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');
const { parseArgs } = require('node:util');
const {
  BENCH_JWT_SECRET,
  generateLoad,
  OPERATIONS,
} = require('./loadGenerator.js');
const { median, summarize } = require('./stats.js');

const PACKAGE_DIR = path.resolve(__dirname, '..');
const TABLE_NAME = 'bench-sessions';
// dynalite ignores signatures, but the AWS SDK insists on having credentials.
const DUMMY_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'bench-access-key',
  AWS_SECRET_ACCESS_KEY: 'bench-secret-key',
};

function readOptions() {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '20' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      runs: { type: 'string', default: '3' },
    },
  });
  return {
    clients: Number(values.clients),
    durationMs: Number(values.duration) * 1000,
    warmupMs: Number(values.warmup) * 1000,
    runs: Number(values.runs),
  };
}

/** Spawns a node process and resolves with its first stdout JSON line matching `accept`. */
function spawnAndAwaitLine(args, env, accept) {
  const child = spawn(process.execPath, args, {
    cwd: PACKAGE_DIR,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    // Keep draining after the match: a full pipe would stall the service.
    lines.on('line', line => {
      let parsed;
      try {
        parsed = JSON.parse(line);
      } catch {
        return;
      }
      if (accept(parsed)) resolve({ child, line: parsed });
    });
    child.once('exit', code =>
      reject(new Error(`${args[0]} exited early (${code})`)),
    );
  });
}

function stop(child) {
  return new Promise(resolve => {
    if (child.exitCode !== null) {
      resolve();
      return;
    }
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function runOnce(options, createSessionTable, DynamoDBClient) {
  const dynamo = await spawnAndAwaitLine(
    ['bench/dynaliteProcess.js'],
    {},
    line => 'port' in line,
  );
  const endpoint = `http://127.0.0.1:${dynamo.line.port}`;
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  await createSessionTable(client, TABLE_NAME);
  client.destroy();

  const service = await spawnAndAwaitLine(
    ['bin/session-api'],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DYNAMODB_TABLE_NAME: TABLE_NAME,
      AUTH_JWT_SECRET: BENCH_JWT_SECRET,
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_DYNAMODB: endpoint,
      ...DUMMY_CREDENTIALS,
    },
    line => line.msg === 'session-api listening',
  );
  try {
    return await generateLoad({ baseUrl: service.line.url, ...options });
  } finally {
    await stop(service.child);
    await stop(dynamo.child);
  }
}

function formatRow(cells) {
  return cells
    .map((cell, i) => String(cell).padStart(i === 0 ? 8 : 12))
    .join(' ');
}

async function main() {
  const options = readOptions();
  const { createSessionTable } = await import('../src/index.ts');
  const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');

  const runs = [];
  for (let run = 1; run <= options.runs; run++) {
    const result = await runOnce(options, createSessionTable, DynamoDBClient);
    const perOperation = {};
    for (const operation of OPERATIONS) {
      perOperation[operation] = summarize(
        result.latencies[operation],
        result.durationSeconds,
      );
    }
    const total = OPERATIONS.reduce((sum, op) => sum + perOperation[op].rps, 0);
    runs.push({ perOperation, total, errors: result.errors });
    process.stdout.write(
      `run ${run}/${options.runs}: ${total.toFixed(0)} req/s total, ${
        result.errors
      } errors\n`,
    );
  }

  process.stdout.write(
    `\n${options.clients} clients, ${options.durationMs / 1000}s per run, ` +
      `median of ${options.runs} runs (node ${process.version}, ${
        require('node:os').cpus().length
      } CPUs)\n`,
  );
  process.stdout.write(`${formatRow(['op', 'req/s', 'p50 ms', 'p99 ms'])}\n`);
  for (const operation of OPERATIONS) {
    const pick = key => median(runs.map(r => r.perOperation[operation][key]));
    process.stdout.write(
      `${formatRow([
        operation,
        pick('rps').toFixed(0),
        pick('p50').toFixed(2),
        pick('p99').toFixed(2),
      ])}\n`,
    );
  }
  process.stdout.write(
    `${formatRow([
      'total',
      median(runs.map(r => r.total)).toFixed(0),
      '',
      '',
    ])}\n`,
  );
  const errors = runs.reduce((sum, r) => sum + r.errors, 0);
  if (errors > 0) {
    process.stdout.write(`${errors} requests failed across all runs\n`);
    process.exitCode = 1;
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
