import { spawn } from 'node:child_process';

/** The command that asks the OS to open a URL in the default browser. */
export function browserCommand(platform: NodeJS.Platform = process.platform): {
  command: string;
  args: (url: string) => string[];
} {
  if (platform === 'darwin') return { command: 'open', args: (url) => [url] };
  // rundll32 takes the URL as one argument; `cmd /c start` would need the & in query strings escaped.
  if (platform === 'win32') return { command: 'rundll32', args: (url) => ['url.dll,FileProtocolHandler', url] };
  return { command: 'xdg-open', args: (url) => [url] };
}

/**
 * The environment for a child process: the caller's, without the variables that hold secrets (those named by
 * --secret-env and --password-env). A browser inherits what its opener gets, and keeps running after gcw.
 */
export function childEnv(
  env: Record<string, string | undefined>,
  secretVariables: Array<string | undefined>,
): NodeJS.ProcessEnv {
  const drop = new Set(secretVariables.filter((v): v is string => v !== undefined));
  return Object.fromEntries(Object.entries(env).filter(([name, value]) => value !== undefined && !drop.has(name)));
}

/**
 * Open a URL in the system browser, detached (no shell). Resolves true once the opener started and did not fail
 * right away; false when it could not start or exited with an error (the caller then prints the URL).
 */
export function openInSystemBrowser(
  url: string,
  options: { platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv } = {},
): Promise<boolean> {
  const { command, args } = browserCommand(options.platform);
  return new Promise((resolve) => {
    let settled = false;
    const done = (ok: boolean) => {
      if (settled) return;
      settled = true;
      resolve(ok);
    };
    try {
      const child = spawn(command, args(url), { detached: true, stdio: 'ignore', env: options.env ?? process.env });
      child.once('error', () => done(false));
      child.once('exit', (code) => done(code === 0));
      child.unref();
      // xdg-open hands over to the browser and exits; a browser started directly keeps running, which is success too.
      setTimeout(() => done(true), 3_000).unref();
    } catch {
      done(false);
    }
  });
}
