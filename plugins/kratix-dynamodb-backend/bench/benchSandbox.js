'use strict';
/*
 * A sandbox cluster for the benchmark, in its own process so the backend's memory is measured
 * alone. Its controllers run: each request goes through the real workflow pipeline and gets a
 * real dynalite table. Prints one JSON line: { url, token }.
 */
require('@backstage/cli/config/nodeTransform.cjs');
const { startSandbox } = require('@kratix-dynamodb/sandbox');

startSandbox({ port: 0, kubeconfigPath: false, createTableMs: 50 }).then(
  sandbox => {
    process.stdout.write(
      `${JSON.stringify({
        url: sandbox.plainHttpUrl,
        token: sandbox.token,
      })}\n`,
    );
    process.on('SIGTERM', () => sandbox.stop().then(() => process.exit(0)));
  },
);
