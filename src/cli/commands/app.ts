import { EXIT_FINDINGS, EXIT_OK } from '../exit-codes';
import { type Command, parseFlags, UsageError } from '../command';
import type { CliIo } from '../io';
import { printJson } from '../output';
import { buildCreatePlan, type NewCredential } from '../../core/graph-apply/build-create';
import { buildRepairPlan } from '../../core/graph-apply/build-repair';
import { buildRemoveOldPlan, buildRotateAddPlan, type RotateCredential } from '../../core/graph-apply/build-rotate';
import { readCurrentApp } from '../../core/graph-apply/current-app';
import { fetchApplication, verifyApplication } from '../../core/graph-apply/fetch-app';
import { scopesFor, type ManagementClient } from '../../core/graph-apply/management';
import { maskSecrets } from '../../core/graph-apply/mask';
import { needsOf } from '../../core/graph-apply/needs';
import { dryRunJson, previewOf, type GraphPlan } from '../../core/graph-apply/plan';
import { profileEnvironment, profileToVerifyTarget } from '../../core/registration/profile-target';
import { testAppOnly } from '../../core/signin/app-only';
import { isMultiTenantSegment } from '../../core/signin/endpoints';
import { SigninNetworkClient } from '../../core/signin/network-client';
import type { ProfileFile } from '../../shared/connections';
import { readAppProfile, readManifestApp, readPfx } from './app/app-input';
import { partialText, previewText, say, verifySummary } from './app/app-output';
import { confirmWrites, managementClient, readBack, run } from './app/app-run';

const usage = `Usage:
  gcw app create --profile P.json [--pfx F --password-env V | --new-secret [--secret-months N]] [--consent]
  gcw app fetch  --profile P.json
  gcw app repair --profile P.json [--pfx F --password-env V] [--new-secret [--secret-months N]] [--manifest F]
  gcw app rotate --profile P.json (--pfx F --password-env V | --new-secret [--secret-months N]) [--remove-old KEYID]…
  Common: [--client-id ID] [--no-browser] [--dry-run] [--yes] [--json]

  Creates, reads, repairs and rotates the profile's app registration through Microsoft Graph. Every write is
  shown first (method, URL, body; secrets masked). Without --yes and without a terminal to confirm on, the preview
  is printed, nothing is written, and gcw exits 2.
  --dry-run --json prints { "requests": [ { "method", "url", "body" } ] } and contacts nobody (repair and rotate
  need --manifest F, the app's Graph JSON, for that).
  The administrator signs in through the browser (PKCE, loopback) with Microsoft Graph Command Line Tools
  (14d82eec-204b-4c2f-b7e8-296a70dab67e) or their own public client (--client-id), asking only the scopes the
  action needs. A new client secret is printed once (gcw keeps no vault): store it at once.
  Exit 0: done and verified without errors; 1: a request failed or the verification found errors; 2: bad input
  or not confirmed.`;

const flags = {
  profile: { type: 'string' },
  pfx: { type: 'string' },
  'password-env': { type: 'string' },
  'new-secret': { type: 'boolean', default: false },
  'secret-months': { type: 'string' },
  consent: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  yes: { type: 'boolean', default: false },
  'client-id': { type: 'string' },
  'no-browser': { type: 'boolean', default: false },
  manifest: { type: 'string' },
  'remove-old': { type: 'string', multiple: true },
} as const;

type Values = ReturnType<typeof parseFlags<typeof flags>>['values'];

/** `gcw app`: create, fetch, repair and rotate an app registration through Microsoft Graph, with a preview of every request. */
export const appCommand: Command = {
  usage,
  async run(args, io, globals) {
    const [sub, ...rest] = args;
    if (!sub || !['create', 'fetch', 'repair', 'rotate'].includes(sub))
      throw new UsageError(
        sub
          ? `Unknown subcommand "app ${sub}": use create, fetch, repair or rotate.`
          : 'Say what to do: gcw app create|fetch|repair|rotate --profile P.json.',
      );
    const { values, positionals } = parseFlags(rest, flags, false);
    if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    if (!values.profile) throw new UsageError('Give the profile: --profile P.json.');
    if (values.pfx && values['new-secret']) throw new UsageError('Give either --pfx or --new-secret, not both.');
    if (values['password-env'] && !values.pfx) throw new UsageError('--password-env goes with --pfx.');
    const months = values['secret-months'] === undefined ? 6 : Number(values['secret-months']);
    if (!Number.isInteger(months) || months < 1 || months > 24)
      throw new UsageError('--secret-months is a whole number from 1 to 24.');
    const profile = await readAppProfile(io, values.profile);
    const ctx = {
      io,
      json: globals.json,
      values,
      months,
      profile,
      client: (values['client-id']
        ? { kind: 'own', clientId: values['client-id'] }
        : { kind: 'graph-cli' }) as ManagementClient,
    };
    if (sub === 'create') return create(ctx);
    if (sub === 'fetch') return fetch(ctx);
    if (sub === 'repair') return repair(ctx);
    return rotate(ctx);
  },
};

interface Ctx {
  io: CliIo;
  json: boolean;
  values: Values;
  months: number;
  profile: ProfileFile;
  client: ManagementClient;
}

function printDry(c: Ctx, plan: GraphPlan): number {
  if (c.json) printJson(c.io, dryRunJson(plan));
  else c.io.out(previewText(previewOf(plan)));
  return EXIT_OK;
}

async function create(c: Ctx): Promise<number> {
  let credential: NewCredential = { kind: 'none' };
  if (c.values.pfx)
    credential = {
      kind: 'certificate',
      certificate: (await readPfx(c.io, c.values.pfx, c.values['password-env'])).register,
    };
  else if (c.values['new-secret']) credential = { kind: 'secret', months: c.months };
  const plan = buildCreatePlan(c.profile, { credential, consent: c.values.consent });
  if (c.values['dry-run']) return printDry(c, plan);
  await confirmWrites(c.io, plan, { yes: c.values.yes, json: c.json });
  const g = await managementClient(c.io, c.profile, plan.scopes, c.client, c.values['no-browser']);
  try {
    const result = await run(plan, g.client);
    const app = result.answers.get('application') as { appId?: string; id?: string } | undefined;
    const secret = result.answers.get('password') as
      { secretText?: string; keyId?: string; endDateTime?: string } | undefined;
    const after = app?.appId
      ? await readBack(g.client, g.graphHost, c.profile, app.appId, true).catch(() => null)
      : null;
    if (c.json) {
      printJson(c.io, {
        ok: !result.failure,
        appId: app?.appId ?? null,
        objectId: app?.id ?? null,
        tenant: c.profile.tenant,
        newSecret: secret?.secretText
          ? { secretText: secret.secretText, keyId: secret.keyId, endDateTime: secret.endDateTime }
          : null,
        created: result.created,
        outcomes: result.outcomes,
        failure: result.failure,
        error: result.error,
        verification: after?.report.counts ?? null,
        findings: after?.report.findings ?? [],
      });
    } else {
      if (app?.appId)
        c.io.out(`Created app ${app.appId} (object ${app.id}). Put this client ID into the profile (clientId).\n`);
      if (secret?.secretText)
        c.io.out(
          `New client secret (shown once, store it now; expires ${secret.endDateTime ?? '?'}):\n${secret.secretText}\n`,
        );
      if (result.failure) c.io.out(`${partialText(result.failure)}\n`);
      if (after) c.io.out(`${verifySummary(after.report)}\n`);
    }
    return result.failure || (after?.report.counts.error ?? 0) > 0 ? EXIT_FINDINGS : EXIT_OK;
  } finally {
    g.close();
  }
}

async function fetch(c: Ctx): Promise<number> {
  if (c.values['dry-run'])
    return printDry(c, {
      action: 'fetch',
      graphHost: profileEnvironment(c.profile).graphHost,
      steps: [
        {
          key: 'app',
          method: 'GET',
          path: `/v1.0/applications(appId='${c.profile.clientId.trim()}')`,
          body: null,
          purpose: 'Read the app registration.',
        },
      ],
      changes: [],
      scopes: scopesFor('fetch'),
      notes: [],
    });
  if (!c.profile.clientId.trim())
    throw new UsageError('The profile has no clientId: create the app first, or put its client ID into the profile.');
  const g = await managementClient(c.io, c.profile, scopesFor('fetch'), c.client, c.values['no-browser']);
  try {
    const { raw, report } = await readBack(g.client, g.graphHost, c.profile, c.profile.clientId, false);
    if (c.json) printJson(c.io, { ok: report.counts.error === 0, app: maskSecrets(raw), report });
    else
      c.io.out(
        `${report.findings.map((f) => `${f.severity.toUpperCase()} ${f.code}: ${f.message}`).join('\n')}\n${verifySummary(report)}\n`,
      );
    return report.counts.error > 0 ? EXIT_FINDINGS : EXIT_OK;
  } finally {
    g.close();
  }
}

async function repair(c: Ctx): Promise<number> {
  const cert = c.values.pfx ? (await readPfx(c.io, c.values.pfx, c.values['password-env'])).register : null;
  const options = { certificate: cert, secretMonths: c.values['new-secret'] ? c.months : null };
  const target = profileToVerifyTarget(c.profile, {
    loopbackTest: true,
    ...(cert ? { certificate: cert.certificate } : {}),
  });
  const graphHost = profileEnvironment(c.profile).graphHost;
  if (c.values['dry-run']) {
    if (!c.values.manifest)
      throw new UsageError(
        'repair --dry-run works from the app’s JSON: add --manifest F (e.g. saved with gcw app fetch --json), so nobody is contacted.',
      );
    const raw = await readManifestApp(c.io, c.values.manifest);
    return printDry(
      c,
      buildRepairPlan(readCurrentApp(raw), verifyApplication(raw, target), needsOf(c.profile), graphHost, options),
    );
  }
  const g = await managementClient(c.io, c.profile, scopesFor('repair'), c.client, c.values['no-browser']);
  try {
    const raw = await fetchApplication(g.client, g.graphHost, c.profile.clientId, { withKeys: true });
    const report = verifyApplication(raw, target);
    const plan = buildRepairPlan(readCurrentApp(raw), report, needsOf(c.profile), g.graphHost, options);
    if (plan.steps.length === 0) {
      say(c.io, c.json, `Nothing Graph can fix. ${verifySummary(report)}\n${plan.notes.join('\n')}\n`);
      if (c.json) printJson(c.io, { ok: report.counts.error === 0, requests: [], report });
      return report.counts.error > 0 ? EXIT_FINDINGS : EXIT_OK;
    }
    await confirmWrites(c.io, plan, { yes: c.values.yes, json: c.json });
    const result = await run(plan, g.client);
    const after = await readBack(g.client, g.graphHost, c.profile, c.profile.clientId, false);
    const secret = result.answers.get('password') as { secretText?: string } | undefined;
    if (c.json)
      printJson(c.io, {
        ok: !result.failure && after.report.counts.error === 0,
        outcomes: result.outcomes,
        failure: result.failure,
        changes: plan.changes,
        newSecret: secret?.secretText ? { secretText: secret.secretText } : null,
        report: after.report,
      });
    else
      c.io.out(
        `${secret?.secretText ? `New client secret (shown once):\n${secret.secretText}\n` : ''}${result.failure ? `${partialText(result.failure)}\n` : ''}${verifySummary(after.report)}\n`,
      );
    return result.failure || after.report.counts.error > 0 ? EXIT_FINDINGS : EXIT_OK;
  } finally {
    g.close();
  }
}

async function rotate(c: Ctx): Promise<number> {
  if (!c.values.pfx && !c.values['new-secret'])
    throw new UsageError('Give the new credential: --pfx F --password-env V, or --new-secret.');
  const pfx = c.values.pfx ? await readPfx(c.io, c.values.pfx, c.values['password-env']) : null;
  const credential: RotateCredential = pfx
    ? { kind: 'certificate', certificate: pfx.register }
    : { kind: 'secret', months: c.months };
  const graphHost = profileEnvironment(c.profile).graphHost;
  if (c.values['dry-run']) {
    if (!c.values.manifest)
      throw new UsageError('rotate --dry-run works from the app’s JSON: add --manifest F, so nobody is contacted.');
    return printDry(
      c,
      buildRotateAddPlan(readCurrentApp(await readManifestApp(c.io, c.values.manifest)), credential, graphHost),
    );
  }
  const g = await managementClient(c.io, c.profile, scopesFor('rotate'), c.client, c.values['no-browser']);
  try {
    const current = readCurrentApp(
      await fetchApplication(g.client, g.graphHost, c.profile.clientId, {
        withKeys: credential.kind === 'certificate',
      }),
    );
    const plan = buildRotateAddPlan(current, credential, g.graphHost);
    await confirmWrites(c.io, plan, { yes: c.values.yes, json: c.json });
    const added = await run(plan, g.client);
    const secret = added.answers.get('password') as { secretText?: string; keyId?: string } | undefined;
    if (secret?.secretText) say(c.io, c.json, `New client secret (shown once, store it now):\n${secret.secretText}\n`);
    const test = await testNew(c, secret?.secretText ?? null, pfx);
    say(c.io, c.json, `${test.summary}\n`);
    let removed = false;
    const removeIds = c.values['remove-old'] ?? [];
    if (test.ok && removeIds.length > 0) {
      const raw = await fetchApplication(g.client, g.graphHost, c.profile.clientId, { withKeys: true });
      const remove = buildRemoveOldPlan(
        readCurrentApp(raw),
        { passwordKeyIds: removeIds, certificateKeyIds: removeIds },
        g.graphHost,
        Array.isArray(raw.passwordCredentials) ? (raw.passwordCredentials as never) : [],
      );
      if (remove.steps.length > 0) {
        await confirmWrites(c.io, remove, { yes: c.values.yes, json: c.json });
        await run(remove, g.client);
        removed = true;
      }
    } else if (!test.ok && removeIds.length > 0)
      say(c.io, c.json, 'The old credential was kept: the new one did not pass the sign-in test.\n');
    const after = await readBack(g.client, g.graphHost, c.profile, c.profile.clientId, false);
    if (c.json)
      printJson(c.io, {
        ok: test.ok && after.report.counts.error === 0,
        newSecret: secret?.secretText ? { secretText: secret.secretText, keyId: secret.keyId } : null,
        test,
        removedOld: removed,
        report: after.report,
      });
    else c.io.out(`${verifySummary(after.report)}\n`);
    return test.ok ? EXIT_OK : EXIT_FINDINGS;
  } finally {
    g.close();
  }
}

async function testNew(
  c: Ctx,
  secret: string | null,
  pfx: Awaited<ReturnType<typeof readPfx>> | null,
): Promise<{ ok: boolean; summary: string }> {
  if (c.profile.auth === 'byo-app' || isMultiTenantSegment(c.profile.tenant))
    return {
      ok: true,
      summary:
        'Not tested here: a bring-your-own app (or a tenant such as common) signs a user in; run gcw signin interactive with the new credential before removing the old one.',
    };
  const cloud = profileEnvironment(c.profile);
  const net = new SigninNetworkClient({ timeoutMs: 30_000 });
  try {
    const credential = pfx ? await pfx.credential() : { kind: 'secret' as const, secret: secret ?? '' };
    await testAppOnly({
      loginHost: cloud.loginHost,
      graphHost: cloud.graphHost,
      tenant: c.profile.tenant,
      clientId: c.profile.clientId,
      networkClient: net,
      credential,
    });
    return { ok: true, summary: 'App-only sign-in with the new credential worked.' };
  } catch (err) {
    return { ok: false, summary: `The sign-in test with the new credential failed: ${(err as Error).message}` };
  } finally {
    net.close();
  }
}
