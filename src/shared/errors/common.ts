/** Error codes shared by every feature: the contract boundary, storage, files, the vault and the OS. */
export const commonErrorCodes = [
  'ipc.unknown_method',
  'ipc.invalid_input',
  'ipc.forbidden_sender',
  'cli.usage',
  'internal.unexpected',
  'settings.invalid',
  'storage.write_failed',
  'vault.unavailable',
  'vault.decrypt_failed',
  'vault.not_found',
  'file.not_found',
  'file.too_large',
  'file.exists',
  'file.read_failed',
  'file.write_failed',
  'dialog.cancelled',
  // `gcw ui`: an OS dialog was asked for in a browser tab (the page offers a file input or a download instead).
  'dialog.unavailable',
  // `gcw ui`: the page has no session with the host (401/403), or the host has stopped.
  'host.unauthorized',
  'host.unreachable',
  'external.not_allowed',
  'clipboard.nothing_to_copy',
  // `gcw ui`: the browser refused navigator.clipboard.writeText (the tab was not in front).
  'clipboard.write_failed',
] as const;
