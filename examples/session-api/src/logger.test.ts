import { createJsonLogger } from './logger.ts';

describe('createJsonLogger', () => {
  const capture = (level?: 'debug' | 'info' | 'warn' | 'error') => {
    const lines: string[] = [];
    const logger = createJsonLogger({
      level,
      write: line => lines.push(line),
      now: () => Date.UTC(2030, 0, 1),
    });
    return { logger, lines };
  };

  it('writes one JSON object per line with level, msg and time', () => {
    const { logger, lines } = capture();
    logger.info('request', { method: 'GET', status: 200 });
    expect(lines).toEqual([
      '{"level":"info","msg":"request","time":"2030-01-01T00:00:00.000Z","method":"GET","status":200}\n',
    ]);
  });

  it('drops entries below the configured level', () => {
    const { logger, lines } = capture('warn');
    logger.info('quiet');
    logger.error('loud');
    expect(lines.map(line => JSON.parse(line).msg)).toEqual(['loud']);
  });

  it('masks fields that look like credentials', () => {
    const { logger, lines } = capture();
    logger.info('oops', {
      secretAccessKey: 's',
      awsAccessKeyId: 'k',
      authorization: 'a',
      ok: 1,
    });
    expect(JSON.parse(lines[0])).toMatchObject({
      secretAccessKey: '[redacted]',
      awsAccessKeyId: '[redacted]',
      authorization: '[redacted]',
      ok: 1,
    });
  });
});
