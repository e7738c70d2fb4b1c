// Types of electron-runtime.mjs (plain JavaScript so `npm start` runs it on any supported Node), for the tests.
type Env = Record<string, string | undefined>;
export function electronPackage(): { dir: string; version: string };
export function installedElectron(dir: string, env?: Env): string | null;
export function downloadEnv(env?: Env): Env;
export function cacheFolder(url: string, env?: Env, platform?: NodeJS.Platform): string;
export function cacheRoot(env?: Env, platform?: NodeJS.Platform): string;
export function downloadElectron(
  dir: string,
  env?: Env,
): { ok: true } | { ok: false; url: string | null; reason: string };
export function explainMissingElectron(options: {
  version: string;
  url: string | null;
  reason: string;
  env?: Env;
  platform?: NodeJS.Platform;
  arch?: string;
}): [string, string, string];
