// Text from input never drives the terminal: control characters in claims, manifest fields, file names and error
// texts are printed as `\x1b`-style text (JSON stays exact JSON); odd dates are said plainly, never "Unexpected failure".
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runGcw, byoProfileArgs, TEST_APP_ID as APP_ID } from '../../support/gcw';

const OSC_TITLE = '\u001b]0;owned\u0007';
const CSI_CLEAR = '\u001b[2J';
const C1_CSI = '\u009b31m';
// Any raw control character but newline and tab (C0, DEL, C1).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (payload: object) => `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(payload)}.c2ln`;

describe('terminal safety', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gcw-tty-'));
  const gcw = (args: string[]) => runGcw(args, { cwd: dir });

  beforeAll(() => {
    const now = Math.floor(Date.now() / 1000);
    writeFileSync(
      join(dir, 'evil.jwt'),
      jwt({
        aud: `https://graph.microsoft.com${OSC_TITLE}`,
        upn: `megan${CSI_CLEAR}@contoso.com`,
        scp: `Files.Read ${C1_CSI}`,
        tid: 't',
        exp: now + 3600,
      }),
    );
    writeFileSync(join(dir, 'far.jwt'), jwt({ aud: 'https://graph.microsoft.com', exp: 1e20 }));
    writeFileSync(join(dir, 'old.jwt'), jwt({ aud: 'https://graph.microsoft.com', exp: now - 6 * 86_400 - 120 }));
    writeFileSync(
      join(dir, 'app.json'),
      JSON.stringify({
        appId: APP_ID,
        displayName: `Payroll${OSC_TITLE}${CSI_CLEAR}`,
        signInAudience: 'AzureADMyOrg',
        web: { redirectUris: [] },
      }),
    );
    const made = gcw([...byoProfileArgs('p.json', { tenant: 'contoso.com' }), '--name', `Sync${OSC_TITLE}`]);
    expect(made.code, made.stderr).toBe(0);
  });

  it('token decode shows control characters of claims as text', () => {
    const r = gcw(['token', 'decode', 'evil.jwt']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(raw);
    expect(r.stdout).toContain('https://graph.microsoft.com\\x1b]0;owned\\x07');
    expect(r.stdout).toContain('megan\\x1b[2J@contoso.com');
    expect(r.stdout).toContain('\\x9b31m');
    const json = gcw(['token', 'decode', 'evil.jwt', '--json']);
    expect(json.stdout).not.toMatch(raw);
    expect((JSON.parse(json.stdout) as { claims: { user: string; scopes: string[] } }).claims).toMatchObject({
      user: `megan${CSI_CLEAR}@contoso.com`,
      scopes: ['Files.Read', C1_CSI],
    });
  });

  it('token decode says "invalid date" for an exp no date can hold, and "expired 6 days ago" for an old token', () => {
    const far = gcw(['token', 'decode', 'far.jwt']);
    expect(far.code, far.stderr).toBe(0);
    expect(far.stdout).toMatch(/exp\s+invalid date \(exp: 100000000000000000000\)/);
    const old = gcw(['token', 'decode', 'old.jwt']);
    expect(old.stdout).toMatch(/exp\s+\S+Z \(expired 6 days ago\)/);
    expect(old.stdout).not.toContain('min left');
  });

  it('verify prints a manifest’s displayName with its escape sequences as text', () => {
    const r = gcw(['verify', '--manifest', 'app.json', '--profile', 'p.json']);
    expect(r.stdout).toContain('Payroll\\x1b]0;owned\\x07\\x1b[2J');
    expect(r.stdout + r.stderr).not.toMatch(raw);
  });

  it('file names and error texts are escaped too (verify --dir, a missing file)', () => {
    const folder = join(dir, 'apps');
    mkdirSync(folder);
    writeFileSync(join(folder, `x${CSI_CLEAR}.json`), '{ "not": "an app" }');
    const r = gcw(['verify', '--dir', 'apps', '--profile', 'p.json']);
    expect(r.stdout).toContain('x\\x1b[2J.json');
    expect(r.stdout).not.toMatch(raw);
    const missing = gcw(['profile', 'lint', `nothing${OSC_TITLE}.json`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nothing\\x1b]0;owned\\x07.json');
    expect(missing.stderr).not.toMatch(raw);
  });

  it('record printed to the terminal escapes the profile name', () => {
    const r = gcw(['record', '--profile', 'p.json']);
    expect(r.code, r.stderr).toBe(0);
    // The Markdown escaper writes the control bytes as text (and escapes the bracket, so no link can form), in the
    // form the terminal filter uses (lowercase \x1b).
    expect(r.stdout).toContain('Sync\\x1b\\]0;owned\\x07');
    expect(r.stdout).not.toMatch(raw);
  });
});
