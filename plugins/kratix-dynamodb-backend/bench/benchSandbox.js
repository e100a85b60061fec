'use strict';
/*
 * A sandbox cluster for the benchmark, in its own process so the backend's memory is measured
 * alone. Controllers are off: the benchmark writes the objects and their statuses itself, so
 * 1,000 requests do not mean 1,000 pipeline runs. Prints one JSON line: { url, token }.
 */
require('@backstage/cli/config/nodeTransform.cjs');
const { startSandbox } = require('@kratix-dynamodb/sandbox');

startSandbox({ port: 0, kubeconfigPath: false, controllers: false, token: process.env.BENCH_TOKEN }).then(sandbox => {
  process.stdout.write(`${JSON.stringify({ url: sandbox.url.replace('https:', 'http:'), token: sandbox.token })}\n`);
  process.on('SIGTERM', () => sandbox.stop().then(() => process.exit(0)));
});
