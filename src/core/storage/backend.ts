/** Where a JSON document is persisted: electron-store in the app, conf (the library electron-store wraps) elsewhere. */
export interface StoreBackend {
  /** Absolute path of the file the backend writes. */
  readonly path: string;
  /** The whole stored object. */
  read(): Record<string, unknown>;
  /** Replace the whole stored object (the backend writes atomically). */
  write(data: Record<string, unknown>): void;
}

/** Opens the backend for a named document (`settings`, `profiles`, `vault`) in the data directory. */
export type StoreBackendFactory = (name: string) => StoreBackend;
