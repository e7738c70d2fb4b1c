// Code signing for `npm run make`, configured only from named environment variables (CI secrets); without them the
// build is unsigned and says so. Kept apart from forge.config.ts so a test can read what a given environment gives.
import type { ForgePackagerOptions } from '@electron-forge/shared-types';

type Env = Record<string, string | undefined>;

/** The variables each signing step needs; `.github/workflows/release.yml` sets them from secrets of the same names. */
export const SIGNING_VARIABLES = {
  macosSign: ['MACOS_SIGN_IDENTITY'],
  macosNotarize: ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
  windowsSign: ['WINDOWS_CERTIFICATE_FILE', 'WINDOWS_CERTIFICATE_PASSWORD'],
} as const;

export interface SigningConfig {
  /** Spread into packagerConfig: osxSign/osxNotarize (macOS) and windowsSign (the app's .exe and .dll files). */
  packager: Pick<ForgePackagerOptions, 'osxSign' | 'osxNotarize' | 'windowsSign'>;
  /** Spread into MakerSquirrel's config: signs Setup.exe and Update.exe. */
  squirrel: { windowsSign?: { certificateFile: string; certificatePassword: string } };
  /** One line per step that will not run, naming the variables it lacks. */
  skipped: string[];
}

function missing(env: Env, names: readonly string[]): string[] {
  return names.filter((n) => !env[n]);
}

/** What the environment signs: each step only when all of its variables are set. */
export function signingFromEnv(env: Env = process.env): SigningConfig {
  const result: SigningConfig = { packager: {}, squirrel: {}, skipped: [] };
  const noIdentity = missing(env, SIGNING_VARIABLES.macosSign);
  if (noIdentity.length === 0) {
    // Hardened runtime is osx-sign's default; a failed signature fails the build instead of shipping unsigned.
    result.packager.osxSign = { identity: env.MACOS_SIGN_IDENTITY!, continueOnError: false };
  } else {
    result.skipped.push(`macOS signing skipped (${noIdentity.join(', ')} not set)`);
  }
  const noNotary = [...missing(env, SIGNING_VARIABLES.macosNotarize), ...noIdentity];
  if (noNotary.length === 0) {
    result.packager.osxNotarize = {
      appleId: env.APPLE_ID!,
      appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD!,
      teamId: env.APPLE_TEAM_ID!,
    };
  } else {
    result.skipped.push(`macOS notarisation skipped (${noNotary.join(', ')} not set)`);
  }
  const noWindows = missing(env, SIGNING_VARIABLES.windowsSign);
  if (noWindows.length === 0) {
    const cert = {
      certificateFile: env.WINDOWS_CERTIFICATE_FILE!,
      certificatePassword: env.WINDOWS_CERTIFICATE_PASSWORD!,
    };
    result.packager.windowsSign = cert;
    result.squirrel.windowsSign = cert;
  } else {
    result.skipped.push(`Windows signing skipped (${noWindows.join(', ')} not set)`);
  }
  return result;
}
