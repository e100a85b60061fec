export { startSessionApi } from './server.ts';
export type { RunningSessionApi, StartSessionApiOptions } from './server.ts';
export {
  createSessionTable,
  TTL_ATTRIBUTE,
  USER_ID_INDEX,
} from './sessionTable.ts';
export type { CreateSessionTableResult } from './sessionTable.ts';
export { readConfigFromEnv, ConfigError } from './config.ts';
export type { SessionApiConfig } from './config.ts';
export { createJsonLogger, silentLogger } from './logger.ts';
export type { Logger, LogLevel } from './logger.ts';
export type { Session, SessionData } from './session.ts';
