import Conf from 'conf';
import type { StoreBackend, StoreBackendFactory } from './backend';

/** A backend on `conf`, the store electron-store is built on; used by the CLI, the test host and tests. */
export function confBackendFactory(directory: string): StoreBackendFactory {
  return (name: string): StoreBackend => {
    const conf = new Conf<Record<string, unknown>>({
      cwd: directory,
      configName: name,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
      configFileMode: 0o600,
    });
    return {
      path: conf.path,
      read: () => ({ ...conf.store }),
      write: (data) => {
        conf.store = data;
      },
    };
  };
}
