// The system-browser opener of `gcw signin interactive`.
import { describe, expect, it } from 'vitest';
import { browserCommand, childEnv, openInSystemBrowser } from '../../../src/cli/open-browser';

describe('system browser opener', () => {
  it('uses open on macOS, rundll32 on Windows (no shell quoting of &), xdg-open elsewhere', () => {
    const url = 'https://login.microsoftonline.com/t/oauth2/v2.0/authorize?a=1&b=2';
    expect(browserCommand('darwin')).toMatchObject({ command: 'open' });
    expect(browserCommand('win32').args(url)).toEqual(['url.dll,FileProtocolHandler', url]);
    expect(browserCommand('linux').command).toBe('xdg-open');
  });

  it('reports false when no opener can start, so the caller prints the address', async () => {
    expect(await openInSystemBrowser('https://example.com', { platform: 'linux', env: { PATH: '/nonexistent' } })).toBe(
      false,
    );
  });

  it('gives child processes the environment without the variables that hold secrets', () => {
    const env = { PATH: '/usr/bin', HOME: '/home/a', APP_SECRET: 's3cret', PFX_PW: 'pw', UNSET: undefined };
    expect(childEnv(env, ['APP_SECRET', 'PFX_PW'])).toEqual({ PATH: '/usr/bin', HOME: '/home/a' });
    expect(childEnv(env, [undefined, undefined])).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/a',
      APP_SECRET: 's3cret',
      PFX_PW: 'pw',
    });
  });
});
