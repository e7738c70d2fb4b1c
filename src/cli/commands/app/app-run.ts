import { createInterface } from 'node:readline/promises';
import { isWorkbenchError, WorkbenchError } from '../../../core/errors';
import { fetchApplication, verifyApplication } from '../../../core/graph-apply/fetch-app';
import { GraphClient } from '../../../core/graph-apply/graph-client';
import { GraphHttp } from '../../../core/graph-apply/graph-http';
import { signInForManagement } from '../../../core/graph-apply/management-signin';
import type { ManagementClient } from '../../../core/graph-apply/management';
import { previewOf, type GraphPlan } from '../../../core/graph-apply/plan';
import { runPlan, type PlanRun } from '../../../core/graph-apply/run-plan';
import { profileEnvironment, profileToVerifyTarget } from '../../../core/registration/profile-target';
import { SigninNetworkClient } from '../../../core/signin/network-client';
import type { ProfileFile } from '../../../shared/connections';
import type { CliIo } from '../../io';
import { openInSystemBrowser } from '../../open-browser';
import { previewText, say } from './app-output';

/** How a run asks before writing. */
export interface ConfirmOptions {
  yes: boolean;
  json: boolean;
}

/** Ask on the terminal when there is one; without --yes and without a terminal nothing is written (exit 2). */
export async function confirmWrites(io: CliIo, plan: GraphPlan, o: ConfirmOptions): Promise<void> {
  const preview = previewOf(plan);
  if (o.json) io.err(previewText(preview));
  else io.out(previewText(preview));
  if (o.yes) return;
  const terminal = process.stdin.isTTY === true && io.stdoutIsTerminal === true;
  if (!terminal) {
    throw new WorkbenchError(
      'graph.confirmation_required',
      'Nothing was written: these requests need your confirmation, and there is no terminal to ask on.',
      {
        hint: 'Read the preview above, then run the same command again with --yes (or with --dry-run --json to keep the requests).',
      },
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = (
    await rl.question(
      `Send ${preview.requests.filter((r) => r.writes).length} write request(s) to ${plan.graphHost}? [y/N] `,
    )
  )
    .trim()
    .toLowerCase();
  rl.close();
  if (answer !== 'y' && answer !== 'yes')
    throw new WorkbenchError('graph.confirmation_required', 'Nothing was written: you did not confirm.');
}

/** A signed-in Graph client for a profile's cloud, with only the scopes given. */
export async function managementClient(
  io: CliIo,
  profile: ProfileFile,
  scopes: string[],
  client: ManagementClient,
  noBrowser: boolean,
): Promise<{ client: GraphClient; graphHost: string; account: string | null; close(): void }> {
  const cloud = profileEnvironment(profile);
  const net = new SigninNetworkClient({ timeoutMs: 30_000 });
  try {
    const token = await signInForManagement({
      loginHost: cloud.loginHost,
      graphHost: cloud.graphHost,
      tenant: profile.tenant,
      client,
      scopes,
      networkClient: net,
      openBrowser: async (url) => {
        if (noBrowser || !(await openInSystemBrowser(url)))
          say(io, true, `Open this address in a browser to sign in as an administrator:\n${url}\n`);
      },
      onProgress: (p) => {
        if (p.step === 'listening')
          io.err(`Waiting on ${p.redirectUri} for the administrator's sign-in (scopes: ${scopes.join(', ')}).\n`);
      },
    });
    const http = new GraphHttp({ timeoutMs: 30_000 });
    return {
      client: new GraphClient(http, () => token.accessToken),
      graphHost: cloud.graphHost,
      account: token.account,
      close: () => http.close(),
    };
  } finally {
    net.close();
  }
}

/** Read the app back and verify it against the profile. */
export async function readBack(
  client: GraphClient,
  graphHost: string,
  profile: ProfileFile,
  appId: string,
  justCreated: boolean,
) {
  const raw = await fetchApplication(client, graphHost, appId, { justCreated });
  return {
    raw,
    report: verifyApplication(raw, profileToVerifyTarget({ ...profile, clientId: appId }, { loopbackTest: true })),
  };
}

/** Run a plan; a failure before any write is rethrown. */
export async function run(plan: GraphPlan, client: GraphClient): Promise<PlanRun> {
  try {
    return await runPlan(plan, client);
  } catch (err) {
    if (isWorkbenchError(err)) throw err;
    throw err;
  }
}
