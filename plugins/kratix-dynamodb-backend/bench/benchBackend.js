'use strict';
/*
 * What the benchmarks share: reading `--name value` arguments, and a real backend on 127.0.0.1
 * with a static service token, permissions on (allow-all policy), the catalog, and this plugin
 * pointed at the benchmark's sandbox. Each benchmark adds its own config and features.
 */

/** The value after `--name`, or the fallback. */
function argValue(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/**
 * Starts the backend. `config` is merged over the shared settings (one level deep per top-level
 * key); `features` come after the catalog, the permission backend and its allow-all policy.
 */
async function startBenchBackend({
  port,
  token,
  sandbox,
  database,
  config = {},
  features = [],
}) {
  const { createBackend } = require('@backstage/backend-defaults');
  const {
    coreServices,
    createServiceFactory,
  } = require('@backstage/backend-plugin-api');
  const { ConfigReader } = require('@backstage/config');
  const shared = {
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { port, host: '127.0.0.1' },
      database,
      auth: {
        externalAccess: [
          { type: 'static', options: { token, subject: 'bench' } },
        ],
      },
    },
    permission: { enabled: true },
    kratixDynamodb: {
      clusters: [
        {
          name: 'bench',
          url: sandbox.url,
          auth: { serviceAccountToken: sandbox.token },
        },
      ],
    },
  };
  const merged = { ...shared };
  for (const [key, value] of Object.entries(config))
    merged[key] = { ...shared[key], ...value };
  const reader = new ConfigReader(merged);
  const backend = createBackend();
  backend.add(
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => reader,
    }),
  );
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(
    import('@backstage/plugin-permission-backend-module-allow-all-policy'),
  );
  for (const feature of features) backend.add(feature);
  await backend.start();
  return backend;
}

module.exports = { argValue, startBenchBackend };
