// Contract fuzz that reaches the handlers: for every method, inputs built from its own zod schema (valid by
// construction, over real profile ids, certificate refs and report ids), then mutated field by field (another
// valid value, the field left out, an odd value). Random JSON (contract-fuzz.test.ts) mostly stops at the schema;
// these calls mostly pass it, so the handlers themselves must answer every one with a typed Result.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../../src/core/app/dispatcher';
import { createHandlers } from '../../../../src/core/app/handlers';
import { shutdownCertificateWorkers } from '../../../../src/core/certificates';
import { contract, methodNames } from '../../../../src/shared/contract';
import { isErrorCode } from '../../../../src/shared/errors';
import { prng } from '../../../support/fuzz';
import { createTestHost, type TestHost } from '../../../support/test-context';
import { mutateFields, type Pools, sampleValid } from '../../../support/zod-sample';

const SEED = 19;
const VALID_PER_METHOD = 6;
const outside = resolve(import.meta.dirname, '../../../fixtures/pkcs12/outside');
const manifestText = readFileSync(
  resolve(import.meta.dirname, '../../../fixtures/manifests/01_graph-format_az-cli-recording_app-with-cert.json'),
  'utf8',
);
const pfx = readFileSync(join(outside, 'ec-default.pfx'));
const GUID = '6b8c1a2e-3f4d-4e5a-9b7c-1d2e3f4a5b6c';

/** What one run saw: per method, calls, calls that reached the handler, and the result codes. */
interface Tally {
  calls: number;
  reached: number;
  codes: Record<string, number>;
}

describe('contract fuzz from the schemas', () => {
  let host: TestHost;
  let dispatcher: Dispatcher;
  const reached = new Map<string, number>();
  const tally = new Map<string, Tally>();
  const ids = { profiles: [] as string[], refs: [] as string[], reports: [] as string[] };
  const work = mkdtempSync(join(tmpdir(), 'gcw-fuzz-valid-'));
  let exported = '';
  let refresh: () => Promise<void> = async () => undefined;
  /** One message per error code, to read what the handlers said. */
  const examples: Record<string, string> = {};

  beforeAll(async () => {
    // The network is refused at once (no host is allowed): sign-in methods fail fast instead of reaching Microsoft.
    host = createTestHost({ signinNetwork: { allowedHosts: ['fuzz.invalid'], timeoutMs: 2_000 } });
    const handlers = createHandlers(host.ctx);
    // Count every call that passed the schema and reached its handler.
    const counted = Object.fromEntries(
      Object.entries(handlers).map(([name, fn]) => [
        name,
        (input: unknown) => {
          reached.set(name, (reached.get(name) ?? 0) + 1);
          return (fn as (i: unknown) => unknown)(input);
        },
      ]),
    ) as typeof handlers;
    dispatcher = createDispatcher(counted, { log: host.ctx.log });
    const must = async <T>(method: string, input: unknown): Promise<T> => {
      const r = await dispatcher.call(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    };
    const common = { tenant: GUID, clientId: GUID };
    const seedProfiles = () => [
      host.ctx.profiles.create({
        auth: 'client-credentials',
        name: 'Fuzz secret',
        ...common,
        appOnlyPermissions: ['Sites.Read.All'],
        secrets: { clientSecret: 'Fz8~secret-value-for-the-fuzz-0123' },
      }).entry.id,
      host.ctx.profiles.create({
        auth: 'certificate',
        name: 'Fuzz certificate',
        ...common,
        upn: 'robot@contoso.com',
        secrets: { pfx: pfx.toString('base64'), pfxPassword: 'Outside-Test-1!' },
      }).entry.id,
      host.ctx.profiles.create({
        auth: 'byo-app',
        name: 'Fuzz own app',
        ...common,
        domain: 'contoso.com',
        secrets: { clientSecret: 'Fz8~byo-secret-value-for-the-fuzz-99' },
      }).entry.id,
    ];
    ids.profiles = seedProfiles();
    exported = (await must<{ text: string }>('profiles.exportText', { id: ids.profiles[0] })).text;
    refresh = async () => {
      // Fresh profiles, certificates and a report for each method: what an earlier method deleted, discarded or
      // changed (an update may empty a profile's tenant) does not decide how deep the next one gets.
      ids.profiles = seedProfiles();
      ids.refs = [
        (await must<{ ref: string }>('certificates.generate', { commonName: 'Fuzz generated', key: 'ec-p256' })).ref,
        (
          await must<{ ref: string }>('certificates.inspect', {
            fileName: 'ec-default.pfx',
            bytesBase64: pfx.toString('base64'),
            password: 'Outside-Test-1!',
          })
        ).ref,
      ];
      ids.reports = [
        (
          await must<{ report: { id: string } }>('verify.run', {
            manifest: { fileName: 'app.json', text: manifestText },
          })
        ).report.id,
      ];
    };
  }, 120_000);

  afterAll(async () => {
    host.ctx.signin.close();
    await host.ctx.dispose();
    await shutdownCertificateWorkers();
  });

  /** Candidates by field name; each is kept only where that field's schema accepts it. */
  const pools: Pools = {
    id: () => [...ids.profiles, '00000000-0000-4000-8000-000000000000'],
    profileId: () => [...ids.profiles, '00000000-0000-4000-8000-000000000000'],
    ref: () => [...ids.refs, 'c'.repeat(24)],
    reportId: () => [...ids.reports, 'r'.repeat(20)],
    url: () => [
      'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps',
      'https://login.microsoftonline.com/common',
      'https://evil.example.com/',
      'http://entra.microsoft.com/',
    ],
    text: () => [manifestText, exported, pfx.toString('base64'), 'Copied text', 'not base64 at all'],
    bytesBase64: () => [pfx.toString('base64'), Buffer.from(manifestText).toString('base64'), 'AAAA'],
    password: () => ['Outside-Test-1!', 'not-the-password', ''],
    fileName: () => ['ec-default.pfx', 'app.json', 'robot.p12'],
    name: () => ['Fuzz profile', 'Contoso robot', 'contoso-export'],
    commonName: () => ['Fuzz App', 'Contoso Sync'],
    token: () => [
      'eyJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20iLCJzY3AiOiJVc2VyLlJlYWQifQ.',
      'not.a.token',
    ],
    code: () => ['7000215', '50011', 'AADSTS50173'],
    clientId: () => [GUID, 'not-a-guid', ''],
    tenant: () => [GUID, 'contoso.onmicrosoft.com', 'common', ''],
    upn: () => ['robot@contoso.com', ''],
    domain: () => ['contoso.com', 'https://cloud.example.com', ''],
    loginHost: () => ['login.example.net', 'http://login.example.net'],
    graphHost: () => ['graph.example.net'],
    scopes: () => ['User.Read', 'Files.Read.All', 'offline_access'],
    appOnlyPermissions: () => ['Sites.Read.All', 'Files.Read.All'],
    delegated: () => ['User.Read', 'Files.Read', 'Sites.Selected'],
    application: () => ['Files.Read.All', 'Sites.Selected'],
    words: () => ['files', 'sites selected', ''],
    query: () => ['contoso', 'redirect', ''],
    thumbprint: () => ['A'.repeat(40), ''],
    key: () => ['clientId', 'clientSecret', 'tenant', 'redirectUri', 'nope'],
    clientSecret: () => ['Fz8~another-secret-value-0123456789'],
    secretExpiresAt: () => ['2027-06-30', '2026-13-40', ''],
    defaultSaveFolder: () => [work],
    operationId: () => ['fuzz-op-1'],
    notes: () => ['Owner: the fuzz'],
    '*': () => ['Contoso', GUID, 'x', 'https://contoso.com/cb', '2027-01-31', ''],
  };

  /** Keep each dialog answering, so methods behind a save, open or folder dialog get past it. */
  const armDialogs = (n: number) => {
    const folder = join(work, `folder-${n}`);
    mkdirSync(folder, { recursive: true });
    host.dialogs.saveQueue = [join(folder, `saved-${n}.out`)];
    host.dialogs.folderQueue = [folder];
    const picked = join(folder, n % 2 ? 'picked.pfx' : 'picked.pem');
    writeFileSync(picked, n % 2 ? pfx : readFileSync(join(outside, 'README.md')));
    host.dialogs.openQueue = [picked];
  };

  /** One call: a Result within 10 s (a sign-in waiting for the browser is cancelled or declined once it opened it, or cancelled after 2 s). */
  const call = async (name: string, input: unknown, n: number) => {
    armDialogs(n);
    const before = reached.get(name) ?? 0;
    const opened = host.shell.opened.length;
    const pending = dispatcher.call(name, input);
    // A sign-in that opened the browser waits for a person: cancel it as one would (at once, or after 2 s at most).
    const cancelAll = () => {
      for (const profileId of ids.profiles) void dispatcher.call('signin.cancel', { profileId });
    };
    // graph.signIn is declined in the browser instead (graph.cancelSignIn has its own tests), and Microsoft sends the
    // error to the loopback redirect URI with the sign-in's state.
    let declined = false;
    const decline = () => {
      if (declined || host.shell.opened.length <= opened) return;
      declined = true;
      const page = new URL(host.shell.opened.at(-1)!);
      const redirect = page.searchParams.get('redirect_uri');
      const state = page.searchParams.get('state');
      if (!redirect || !state) return;
      void fetch(
        `${redirect}?${new URLSearchParams({ error: 'access_denied', error_description: 'The fuzz declined.', state })}`,
      ).catch(() => undefined);
    };
    const watching = setInterval(() => {
      if (host.shell.opened.length <= opened) return;
      if (name.startsWith('signin.')) cancelAll();
      else if (name === 'graph.signIn') decline();
    }, 20);
    const waiting = setTimeout(cancelAll, 2_000);
    try {
      const result = await Promise.race([
        pending,
        new Promise<never>((_ok, fail) =>
          setTimeout(() => fail(new Error(`${name} hung on ${JSON.stringify(input)?.slice(0, 300)}`)), 10_000),
        ),
      ]);
      const t = tally.get(name) ?? { calls: 0, reached: 0, codes: {} };
      t.calls += 1;
      // signin.cancel calls above count for signin.cancel itself; only this call's own arrival counts here.
      if ((reached.get(name) ?? 0) > before) t.reached += 1;
      const code = result.ok ? 'ok' : result.error.code;
      if (!result.ok) examples[`${name} ${code}`] ??= result.error.message;
      t.codes[code] = (t.codes[code] ?? 0) + 1;
      tally.set(name, t);
      return result;
    } finally {
      clearTimeout(waiting);
      clearInterval(watching);
    }
  };

  it('answers every valid and field-mutated input with a typed Result; no handler fails unexpectedly', async () => {
    const random = prng(SEED);
    const unbuildable: string[] = [];
    let n = 0;
    for (const name of methodNames) {
      await refresh();
      reached.clear();
      const schema = contract[name].input;
      for (let i = 0; i < VALID_PER_METHOD; i++) {
        const sample = sampleValid(schema, random, pools);
        if (!sample) {
          unbuildable.push(name);
          break;
        }
        const inputs: Array<[string, unknown]> = [['valid', sample.value]];
        if (i === 0 && sample.value && typeof sample.value === 'object')
          inputs.push(...mutateFields(schema, sample.value as Record<string, unknown>, random, pools));
        for (const [what, input] of inputs) {
          const result = await call(name, input, n++);
          if (!result.ok) {
            expect(isErrorCode(result.error.code), `${name} (${what}): unregistered code ${result.error.code}`).toBe(
              true,
            );
            expect(
              result.error.code,
              `${name} (${what}) failed unexpectedly on ${JSON.stringify(input)?.slice(0, 300)}`,
            ).not.toBe('internal.unexpected');
            expect(result.error.message.length).toBeGreaterThan(10);
          }
          if (what === 'valid')
            expect(
              result.ok || result.error.code !== 'ipc.invalid_input',
              `${name}: a valid input was refused by the schema`,
            ).toBe(true);
        }
      }
    }
    expect(unbuildable).toEqual([]);

    const all = [...tally.values()];
    const calls = all.reduce((s, t) => s + t.calls, 0);
    const reachedTotal = all.reduce((s, t) => s + t.reached, 0);
    const codes: Record<string, number> = {};
    for (const t of all) for (const [c, k] of Object.entries(t.codes)) codes[c] = (codes[c] ?? 0) + k;
    const summary = {
      seed: SEED,
      methods: tally.size,
      calls,
      reachedHandler: reachedTotal,
      stoppedAtSchema: codes['ipc.invalid_input'] ?? 0,
      ok: codes.ok ?? 0,
      codes,
    };
    mkdirSync(resolve(import.meta.dirname, '../../../../test-results'), { recursive: true });
    writeFileSync(
      resolve(import.meta.dirname, '../../../../test-results/contract-fuzz-summary.json'),
      JSON.stringify({ ...summary, perMethod: Object.fromEntries(tally), examples }, null, 2),
    );
    console.log(
      `contract fuzz from the schemas (seed ${SEED}): ${calls} calls over ${tally.size} methods; ${reachedTotal} reached a handler, ${summary.stoppedAtSchema} stopped at the schema, ${summary.ok} succeeded`,
    );

    // Every method's handler saw inputs, and most calls got past the schema.
    expect(methodNames.filter((m) => !(tally.get(m)?.reached ?? 0))).toEqual([]);
    expect(reachedTotal / calls).toBeGreaterThan(0.6);
  }, 600_000);
});
