import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Route } from '../http/router.ts';
import { checkReadiness } from '../readiness.ts';

export interface HealthRouteOptions {
  client: DynamoDBClient;
  tableName: string;
  readinessTimeoutMs: number;
  startedAtMs: number;
  now: () => number;
}

/** /health is liveness (the process answers); /ready is "can serve sessions". */
export function healthRoutes(options: HealthRouteOptions): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/health',
      handler: async () => ({
        status: 200,
        body: {
          status: 'ok',
          uptimeSeconds: Math.round(
            (options.now() - options.startedAtMs) / 1000,
          ),
        },
      }),
    },
    {
      method: 'GET',
      pattern: '/ready',
      handler: async () => {
        const readiness = await checkReadiness(
          options.client,
          options.tableName,
          options.readinessTimeoutMs,
        );
        return readiness.ready
          ? {
              status: 200,
              body: {
                status: 'ready',
                table: readiness.table,
                tableStatus: readiness.tableStatus,
              },
            }
          : {
              status: 503,
              body: {
                status: 'not_ready',
                table: readiness.table,
                reason: readiness.reason,
              },
            };
      },
    },
  ];
}
