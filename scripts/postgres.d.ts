/** Types for scripts/postgres.js, which the backend's database test also uses. */
// A type, not an interface, so that it fits Backstage's JsonObject config.
export type PostgresConnection = {
  host: string;
  port: number;
  user: string;
  password: string;
};

export interface RunningPostgres {
  port: number;
  /** true when this start created the data folder */
  initialised: boolean;
  connection: PostgresConnection;
  stop(): Promise<void>;
}

export function startPostgres(options: {
  dataDir: string;
  port?: number;
  fresh?: boolean;
  log?: (line: string) => void;
}): Promise<RunningPostgres>;

export function backendDatabaseEnv(
  connection: PostgresConnection,
): Record<string, string>;

export function freePort(): Promise<number>;
