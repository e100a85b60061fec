export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const LEVEL_RANK: Record<LogLevel, number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
};

// A safety net: nothing should pass credentials to the logger, but if a field
// with a secret-looking name ever slips in, it is masked rather than shipped.
const SECRET_FIELD =
  /secret|password|authorization|credential|accesskey|sessiontoken|cookie/i;

function redact(fields: LogFields): LogFields {
  const safe: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    safe[key] = SECRET_FIELD.test(key) ? '[redacted]' : value;
  }
  return safe;
}

export interface JsonLoggerOptions {
  level?: LogLevel;
  /** Where each finished line goes; stdout by default. */
  write?: (line: string) => void;
  now?: () => number;
}

/** One JSON object per line: level, msg, time, then the caller's fields. */
export function createJsonLogger(options: JsonLoggerOptions = {}): Logger {
  const minimum = LEVEL_RANK[options.level ?? 'info'];
  const write = options.write ?? (line => process.stdout.write(line));
  const now = options.now ?? Date.now;

  const log = (level: LogLevel, msg: string, fields?: LogFields) => {
    if (LEVEL_RANK[level] < minimum) return;
    const entry = {
      level,
      msg,
      time: new Date(now()).toISOString(),
      ...(fields ? redact(fields) : {}),
    };
    write(`${JSON.stringify(entry)}\n`);
  };

  return {
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
  };
}

/** For tests and embedders that do not want the service's output. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
