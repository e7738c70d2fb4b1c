// The app:// protocol's path guard lives in core (the `gcw ui` host serves the same files with it).
export { resolveAppFile } from '../core/os/app-files';
