import pino from 'pino';

/** Structured JSON logs; readable lines when a person watches the terminal. */
export const logger = pino({
  level: process.env.LOG_LEVEL || 'info',
  base: undefined,
  transport:
    process.stdout.isTTY && !process.env.LOG_JSON
      ? { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } }
      : undefined,
});
