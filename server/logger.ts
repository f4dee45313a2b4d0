/**
 * @module The logger the server is given: the same shape as graphql-yoga's, so it is passed
 * through unchanged.
 */

export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export const LOG_LEVELS = [...LEVELS, 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Writes to stderr (stdout stays free for the printed URLs), dropping levels below `level`. */
export function createConsoleLogger({ level = 'info' }: { level?: LogLevel } = {}): Logger {
  const threshold = level === 'silent' ? LEVELS.length : LEVELS.indexOf(level);
  const at =
    (name: (typeof LEVELS)[number]) =>
    (...args: unknown[]) => {
      if (LEVELS.indexOf(name) >= threshold) console.error(`[${name}]`, ...args);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = createConsoleLogger({ level: 'silent' });
