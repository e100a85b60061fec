import { ConfigError, readConfigFromEnv } from './config.ts';
import { createJsonLogger } from './logger.ts';
import { startSessionApi } from './server.ts';

/** What bin/session-api runs: config from env, JSON logs, graceful SIGTERM. */
export async function runFromEnvironment(
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  let config;
  try {
    config = readConfigFromEnv(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    createJsonLogger().error('invalid configuration', { error: error.message });
    process.exitCode = 1;
    return;
  }
  const logger = createJsonLogger({ level: config.logLevel });

  const api = await startSessionApi({ ...config, logger });
  logger.info('session-api listening', {
    url: api.url,
    port: api.port,
    tableName: config.tableName,
    region: config.region,
    // Only the origin: an endpoint URL could carry user:password.
    endpoint: config.endpoint ? new URL(config.endpoint).origin : 'aws-default',
    ttlHours: config.ttlHours,
    // How tokens are checked, never the secret itself.
    auth: config.auth.jwksUrl
      ? `jwks ${new URL(config.auth.jwksUrl).origin}`
      : 'hs256',
  });

  const shutDown = (signal: NodeJS.Signals) => {
    logger.info('shutting down', { signal });
    api.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      error => {
        logger.error('shutdown failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);
}
