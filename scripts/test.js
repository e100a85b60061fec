#!/usr/bin/env node
/*
 * The whole test suite, once, without watch mode: every workspace package's Jest tests
 * (through backstage-cli). Extra arguments go to Jest (e.g. a path filter).
 */
'use strict';
const { spawn } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const { frontendProjects } = require('./testProjects');

const root = path.resolve(__dirname, '..');
const extra = process.argv.slice(2);
const cores = os.availableParallelism();

/*
 * The whole suite runs as two Jest runs side by side: the frontend packages in one process,
 * the rest in workers of another.
 *
 * A frontend test file loads 3,000 to 6,500 modules (React, MUI, Backstage's UI), and a Jest
 * worker's first one costs 4-7 s of CPU before the worker's caches are warm. In one Jest run
 * every worker ends up with a frontend file, so 4 workers paid that 4 times; one process for
 * them pays it once (frontend files: 31 s of CPU in 4 workers, 10-12 s in one).
 *
 * The rest get three workers per core, because most of those files wait (on a sandbox's
 * controllers, a token's expiry, a child process, PostgreSQL) rather than compute. Measured
 * beside the frontend run on 2 cores, two runs each: 4 workers 69-70 s, 5 workers 63-64 s,
 * 6 workers 62.5-63 s, 7 workers 63-63.5 s, 8 workers 64-67 s.
 *
 * With arguments (a path filter, -i, --watch...) it is one Jest run, as backstage-cli would do.
 */
const whole = extra.length === 0;
const workersGiven = extra.some(a =>
  /^(-w|--maxWorkers|-i|--runInBand)(=|$)/.test(a),
);
const workers = (whole ? 3 : 2) * cores;
/*
 * backstage-cli restarts a worker whose heap passes 1000 MB after a test file. With the
 * per-worker caches of jestRuntime.js a worker's heap reaches about 1.7 GB by the end of the
 * suite, so its 4 workers became 9, and each new one loaded Backstage's module graph from
 * scratch again (about 4 s of CPU each time). The limit here lets the workers live for the
 * whole run where memory allows it, and keeps to 60% of the machine's memory where it does not.
 */
const workerMemoryLimitMb = Math.min(
  3000,
  Math.floor((0.6 * os.totalmem()) / (workers + 1) / 2 ** 20),
);

/** @param {string[]} args for Jest @param {boolean} quiet buffer the output until the end */
function jest(args, quiet) {
  const given = flag => [...args, ...extra].some(a => a.startsWith(flag));
  // backstage-cli straight from node_modules: through `yarn`, each of the two runs also paid
  // for yarn's own start (about 1 s of CPU).
  const child = spawn(
    process.execPath,
    [
      require.resolve('@backstage/cli/bin/backstage-cli', { paths: [root] }),
      'repo',
      'test',
      '--watchAll=false',
      ...(given('--workerIdleMemoryLimit')
        ? []
        : [`--workerIdleMemoryLimit=${workerMemoryLimitMb}M`]),
      ...(given('--testSequencer')
        ? []
        : [`--testSequencer=${path.join(__dirname, 'jestSequencer.js')}`]),
      ...args,
      ...extra,
    ],
    {
      cwd: root,
      stdio: [
        'inherit',
        quiet ? 'pipe' : 'inherit',
        quiet ? 'pipe' : 'inherit',
      ],
      // Without CI, backstage-cli adds --watch and never returns.
      // client-node 1.x is ESM-only; the plugins load it with import(), which Jest only allows
      // with VM modules (as Backstage's own kubernetes-backend tests do).
      env: {
        ...process.env,
        CI: 'true',
        // Node's own cache of compiled code, for what Node loads itself rather than Jest: Jest
        // and backstage-cli in each worker, and the processes the tests start (the
        // session-api, the exec credential plugin, the sandbox's command line).
        NODE_COMPILE_CACHE:
          process.env.NODE_COMPILE_CACHE ??
          path.join(root, 'node_modules', '.cache', 'node-compile-cache'),
        NODE_OPTIONS: `${
          process.env.NODE_OPTIONS ?? ''
        } --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim(),
      },
    },
  );
  const output = [];
  child.stdout?.on('data', chunk => output.push(chunk));
  child.stderr?.on('data', chunk => output.push(chunk));
  return new Promise(resolve => {
    child.on('close', code => resolve({ code: code ?? 1, output }));
  });
}

async function main() {
  if (!whole) {
    const run = await jest(workersGiven ? [] : [`--maxWorkers=${workers}`]);
    return run.code;
  }
  const frontend = frontendProjects(root);
  const [rest, front] = await Promise.all([
    jest([`--maxWorkers=${workers}`, '--ignoreProjects', ...frontend]),
    jest(['--maxWorkers=1', '--selectProjects', ...frontend], true),
  ]);
  process.stdout.write(
    `\nThe frontend packages (${frontend.join(', ')}), run beside the rest:\n`,
  );
  for (const chunk of front.output) process.stdout.write(chunk);
  const failed = [
    rest.code && 'the packages above',
    front.code && 'the frontend packages',
  ].filter(Boolean);
  process.stdout.write(
    failed.length
      ? `\nFailed: ${failed.join(' and ')}.\n`
      : '\nAll test suites passed, in both runs.\n',
  );
  return rest.code || front.code;
}

main().then(code => process.exit(code));
