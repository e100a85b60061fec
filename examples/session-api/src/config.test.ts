import { ConfigError, readConfigFromEnv } from './config.ts';
import { TEST_JWT_SECRET } from './__testUtils__/tokens.ts';

const AUTH = { AUTH_JWT_SECRET: TEST_JWT_SECRET };

describe('readConfigFromEnv', () => {
  it('applies the documented defaults', () => {
    expect(
      readConfigFromEnv({ DYNAMODB_TABLE_NAME: 'sessions', ...AUTH }),
    ).toEqual({
      port: 8080,
      host: '127.0.0.1',
      tableName: 'sessions',
      region: 'us-east-1',
      endpoint: undefined,
      ttlHours: 24,
      logLevel: 'info',
      shutdownGraceMs: 10_000,
      auth: { hmacSecret: TEST_JWT_SECRET },
    });
  });

  it('reads every variable', () => {
    const config = readConfigFromEnv({
      DYNAMODB_TABLE_NAME: 't',
      ...AUTH,
      PORT: '0',
      HOST: '0.0.0.0',
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:4567',
      SESSION_TTL_HOURS: '0.5',
      LOG_LEVEL: 'WARN',
      SHUTDOWN_GRACE_MS: '2500',
    });
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:4567',
      ttlHours: 0.5,
      logLevel: 'warn',
      shutdownGraceMs: 2500,
    });
  });

  it('lets DYNAMODB_ENDPOINT override the SDK endpoint variables', () => {
    const config = readConfigFromEnv({
      DYNAMODB_TABLE_NAME: 't',
      ...AUTH,
      DYNAMODB_ENDPOINT: 'http://override:1',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://sdk:2',
      AWS_ENDPOINT_URL: 'http://generic:3',
    });
    expect(config.endpoint).toBe('http://override:1');
  });

  it.each([
    [{}, /DYNAMODB_TABLE_NAME is required/],
    [{ DYNAMODB_TABLE_NAME: ' ' }, /DYNAMODB_TABLE_NAME is required/],
    [{ DYNAMODB_TABLE_NAME: 't', ...AUTH, PORT: 'http' }, /PORT must be/],
    [{ DYNAMODB_TABLE_NAME: 't', ...AUTH, PORT: '70000' }, /PORT must be/],
    [
      { DYNAMODB_TABLE_NAME: 't', ...AUTH, SESSION_TTL_HOURS: '0' },
      /SESSION_TTL_HOURS must be a positive number/,
    ],
    [
      { DYNAMODB_TABLE_NAME: 't', ...AUTH, SESSION_TTL_HOURS: 'soon' },
      /SESSION_TTL_HOURS/,
    ],
    [
      {
        DYNAMODB_TABLE_NAME: 't',
        ...AUTH,
        DYNAMODB_ENDPOINT: 'localhost:4567',
      },
      /endpoint must be an http/,
    ],
    [
      { DYNAMODB_TABLE_NAME: 't', ...AUTH, LOG_LEVEL: 'loud' },
      /LOG_LEVEL must be one of/,
    ],
  ])('rejects %j', (env: Record<string, string>, message) => {
    expect(() => readConfigFromEnv(env)).toThrow(ConfigError);
    expect(() => readConfigFromEnv(env)).toThrow(message);
  });
});
