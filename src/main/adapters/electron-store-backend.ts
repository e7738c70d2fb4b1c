import ElectronStore from 'electron-store';
import type { StoreBackendFactory } from '../../core/storage/backend';

/** JSON documents kept by electron-store in the user-data folder (atomic writes, owner-only mode). */
export function electronStoreBackend(directory: string): StoreBackendFactory {
  return (name) => {
    const store = new ElectronStore<Record<string, unknown>>({
      name,
      cwd: directory,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
      configFileMode: 0o600,
    });
    return {
      path: store.path,
      read: () => ({ ...store.store }),
      write: (data) => {
        store.store = data;
      },
    };
  };
}
