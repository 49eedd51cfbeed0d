const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LEVELS)[number];

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Plain lines on stdout/stderr, filtered by LOG_LEVEL: enough until the worker needs pino. */
export function createLogger(level: LogLevel, prefix = 'worker'): Logger {
  const threshold = LEVELS.indexOf(level);
  const at = (which: LogLevel, write: (line: string) => void) => (message: string) => {
    if (LEVELS.indexOf(which) >= threshold) write(`${prefix}: ${message}`);
  };
  return {
    debug: at('debug', console.log),
    info: at('info', console.log),
    warn: at('warn', console.warn),
    error: at('error', console.error),
  };
}
