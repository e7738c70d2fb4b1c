import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { Redactor } from './redact';

/** Severity of a log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A logger whose every line passes through the redactor. */
export interface Logger {
  readonly redactor: Redactor;
  log(level: LogLevel, message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

const MAX_LOG_BYTES = 2 * 1024 * 1024;

/** Create a logger; lines go to a file (rotated at 2 MB) and/or a sink, always redacted. */
export function createLogger(
  options: { file?: string; sink?: (line: string) => void; redactor?: Redactor } = {},
): Logger {
  const redactor = options.redactor ?? new Redactor();
  if (options.file) mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
  const write = (line: string) => {
    options.sink?.(line);
    if (!options.file) return;
    try {
      if ((statSync(options.file, { throwIfNoEntry: false })?.size ?? 0) > MAX_LOG_BYTES)
        renameSync(options.file, `${options.file}.1`);
      appendFileSync(options.file, `${line}\n`, { mode: 0o600 });
    } catch {
      // Logging must never take the app down.
    }
  };
  const log = (level: LogLevel, message: string, data?: Record<string, unknown>) => {
    const body = data ? `${message} ${safeJson(data)}` : message;
    write(redactor.redact(`${new Date().toISOString()} ${level.toUpperCase()} ${body}`));
  };
  return {
    redactor,
    log,
    info: (m, d) => log('info', m, d),
    warn: (m, d) => log('warn', m, d),
    error: (m, d) => log('error', m, d),
  };
}

function safeJson(data: Record<string, unknown>): string {
  try {
    // Bytes never reach the log: a Buffer would print as a list of numbers no pattern can recognise as a key or a PFX.
    return JSON.stringify(data, function (this: Record<string, unknown>, key: string, v: unknown) {
      const raw = this[key];
      if (raw instanceof Uint8Array || raw instanceof ArrayBuffer) return `[${raw.byteLength} bytes]`;
      return v instanceof Error ? { name: v.name, message: v.message } : v;
    });
  } catch {
    return '[unserialisable]';
  }
}
