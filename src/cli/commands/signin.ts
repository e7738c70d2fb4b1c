import { isWorkbenchError } from '../../core/errors';
import { testAppOnly } from '../../core/signin/app-only';
import { signInInteractive } from '../../core/signin/interactive-signin';
import { SigninNetworkClient } from '../../core/signin/network-client';
import type { SigninTarget } from '../../core/signin/service/signin-target';
import type { SignInResult } from '../../shared/signin';
import { type Command, parseFlags, UsageError } from '../command';
import type { CliIo } from '../io';
import { childEnv, openInSystemBrowser } from '../open-browser';
import { credentialFlags, readCredential, readTarget, targetFlags } from '../signin-input';
import { isBadInput, printSigninFailure, printSigninResult } from '../signin-output';

const usage = `Usage:
  gcw signin client-credentials (--profile P.json | --client-id ID --tenant T
      [--environment office365|usgov-l4|usgov-l5|china|custom] [--login-host H --graph-host G])
      (--secret-env VAR | --pfx F [--password-env VAR]) [--json]
      App-only token (client credentials) with the secret or the certificate; needs a named tenant.
  gcw signin interactive (--profile P.json | the same flags) [--secret-env VAR] [--pfx F --password-env VAR]
      [--no-browser] [--timeout S] [--json]
      Delegated sign-in with PKCE through the browser and a loopback redirect (http://localhost). Without a
      credential the app is tested as a public client. --no-browser prints the address to open instead.

  Secrets come only from environment variables. NODE_EXTRA_CA_CERTS is honoured (TLS-inspecting proxies).
  JSON: { "ok": true, "flow", "claims", "granted", "missing", "extra", "notes" }
     or { "ok": false, "error": { "code", "aadsts", "message", "microsoftMessage", "fix", "traceId", "correlationId" } }
  Exit 0: signed in; 1: the sign-in failed; 2: bad input.`;

/** `gcw signin`: the app-only and interactive sign-in tests against a profile's cloud. */
export const signinCommand: Command = {
  usage,
  async run(args, io, globals) {
    const [sub, ...rest] = args;
    if (sub === 'client-credentials') return clientCredentials(rest, io, globals.json);
    if (sub === 'interactive') return interactive(rest, io, globals.json);
    throw new UsageError(
      sub
        ? `Unknown subcommand "signin ${sub}": use client-credentials or interactive.`
        : 'Say which test: gcw signin client-credentials … or gcw signin interactive ….',
    );
  },
};

/** Run a test with a fresh network client; refused sign-ins exit 1, input mistakes are thrown (exit 2). */
async function runTest(
  io: CliIo,
  json: boolean,
  test: (net: SigninNetworkClient) => Promise<SignInResult>,
): Promise<number> {
  const net = new SigninNetworkClient({ timeoutMs: 30_000 });
  try {
    return printSigninResult(io, json, await test(net));
  } catch (error) {
    if (!isWorkbenchError(error) || isBadInput(error.code)) throw error;
    return printSigninFailure(io, json, error.toAppError());
  } finally {
    net.close();
  }
}

function endpoint(t: SigninTarget, net: SigninNetworkClient) {
  return { loginHost: t.loginHost, graphHost: t.graphHost, tenant: t.tenant, clientId: t.clientId, networkClient: net };
}

async function clientCredentials(args: string[], io: CliIo, json: boolean): Promise<number> {
  const { values, positionals } = parseFlags(args, { ...targetFlags, ...credentialFlags }, false);
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const target = await readTarget(io, values);
  const credential = await readCredential(io, values);
  if (!credential) throw new UsageError('Give the credential: --secret-env VAR or --pfx F [--password-env VAR].');
  return runTest(io, json, (net) =>
    testAppOnly({ ...endpoint(target, net), credential, requiredPermissions: target.requiredApplication }),
  );
}

async function interactive(args: string[], io: CliIo, json: boolean): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      ...targetFlags,
      ...credentialFlags,
      'no-browser': { type: 'boolean', default: false },
      timeout: { type: 'string' },
    },
    false,
  );
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const timeout = values.timeout === undefined ? 300 : Number(values.timeout);
  if (!Number.isInteger(timeout) || timeout < 5 || timeout > 3600)
    throw new UsageError('--timeout is a whole number of seconds from 5 to 3600.');
  const target = await readTarget(io, values);
  const credential = (await readCredential(io, values)) ?? { kind: 'none' as const };
  // With --json, stdout carries only the JSON object: instructions go to stderr.
  const say = (text: string) => (json ? io.err(text) : io.out(text));
  const showUrl = (url: string) => say(`Open this address in a browser to sign in:\n${url}\n`);
  return runTest(io, json, (net) =>
    signInInteractive({
      ...endpoint(target, net),
      credential,
      requiredPermissions: target.requiredDelegated,
      ...(target.upn ? { loginHint: target.upn } : {}),
      timeoutMs: timeout * 1000,
      onProgress: (p) => {
        if (p.step === 'listening')
          io.err(
            `Waiting on ${p.redirectUri} for ${timeout} s. The app registration must list ${p.register} under "${p.platform}".\n`,
          );
        if (p.step === 'redeeming') io.err('Browser answered; redeeming the authorization code…\n');
      },
      openBrowser: async (url) => {
        if (values['no-browser']) return showUrl(url);
        if (
          !(await openInSystemBrowser(url, { env: childEnv(io.env, [values['secret-env'], values['password-env']]) }))
        )
          showUrl(url);
      },
    }),
  );
}
