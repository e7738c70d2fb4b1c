// gcw verify at tenant scale: a whole tenant's export (`GET /applications`: { "value": [ … ] }) checked app by app as
// a stream — JSON Lines with a summary line, a report per app with --out, the same inside --dir, and a warning when the
// export is only the first page.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runGcw } from '../../support/gcw';
import { APP_ID, goodSpec, toGraph } from '../../unit/core/registration/manifest-builders';

type Line = {
  file?: string;
  format?: string | null;
  apps?: Array<{ appId: string | null }>;
  counts?: { error: number };
  findings?: Array<{ code: string }>;
  summary?: Record<string, unknown>;
};
const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

describe('gcw verify --export and exports in --dir', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gcw-export-'));
  // A tenant's apps are checked on their own (a profile names one app; the others would all be "another client ID").
  const profile: string[] = [];
  const gcw = (args: string[]) => runGcw(args, { cwd: dir });
  const COUNT = 1200;

  beforeAll(() => {
    const day = 86_400_000;
    const good = {
      ...goodSpec(),
      secrets: [
        {
          hint: 'abc',
          start: new Date(Date.now() - 10 * day).toISOString(),
          end: new Date(Date.now() + 300 * day).toISOString(),
          displayName: 'a',
          keyId: 'f0b0b335-1d71-4883-8f98-567911bfdca6',
        },
      ],
    };
    // Every 100th app has an expired client secret (a warning); entry 7 is not an app at all (an error).
    const notes = 'Owner: platform team. '.repeat(120); // real exports carry notes and descriptions
    const value = Array.from({ length: COUNT }, (_, i) => ({
      ...toGraph({
        ...good,
        appId: i === 0 ? APP_ID : `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        displayName: `App ${i}`,
        secrets:
          i % 100 === 50
            ? [{ ...good.secrets[0]!, end: '2020-01-01T00:00:00Z', start: '2019-01-01T00:00:00Z' }]
            : good.secrets,
      }),
      notes,
    }));
    value.splice(7, 0, { '@odata.type': '#microsoft.graph.servicePrincipal', appId: 'x' } as never);
    // Pretty-printed like an export saved from Graph Explorer: > 5 MB, so --dir streams it too.
    const text = JSON.stringify(
      { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#applications', value },
      null,
      4,
    );
    expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
    writeFileSync(join(dir, 'apps.json'), text);
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'folder', 'a-tenant.json'), text);
    writeFileSync(join(dir, 'folder', 'b-single.json'), JSON.stringify(toGraph(good)));
    writeFileSync(
      join(dir, 'page1.json'),
      JSON.stringify({
        '@odata.nextLink': 'https://graph.microsoft.com/v1.0/applications?$skiptoken=x',
        value: value.slice(0, 3),
      }),
    );
  });

  it('--export --json: one JSON line per app, as [index] of the file, then a summary; exit 1 for the entry that is not an app', () => {
    const r = gcw(['verify', '--export', 'apps.json', ...profile, '--json']);
    expect(r.code, r.stderr).toBe(1);
    const out = lines(r.stdout);
    expect(out).toHaveLength(COUNT + 2);
    expect(out[0]).toMatchObject({
      file: 'apps.json[0]',
      format: 'graph',
      apps: [{ appId: APP_ID }],
      counts: { error: 0 },
    });
    expect(out[7]).toMatchObject({ file: 'apps.json[7]', format: null, counts: { error: 1 } });
    expect(out[51]).toMatchObject({ file: 'apps.json[51]', apps: [{ appId: '00000000-0000-4000-8000-000000000050' }] });
    expect(out[51]?.findings?.map((f) => f.code)).toContain('password_credential.expired');
    expect(out.at(-1)).toEqual({
      summary: {
        files: COUNT + 1,
        checked: COUNT,
        withErrors: 0,
        notManifests: 1,
        findings: { error: 1, warning: 12, info: 0 },
        reportsWritten: 0,
        partialExports: [],
      },
    });
  });

  it('--dir splits an export in the folder the same way, next to single manifests', () => {
    const r = gcw(['verify', '--dir', 'folder', ...profile, '--json']);
    const out = lines(r.stdout);
    expect(out).toHaveLength(COUNT + 1 + 1 + 1);
    expect(out.at(-2)).toMatchObject({ file: 'b-single.json', counts: { error: 0 } });
    expect(out.at(-1)?.summary).toMatchObject({ files: COUNT + 2, checked: COUNT + 1 });
  });

  it('--out DIR writes one report per app while it runs; the text output ends with the counts', () => {
    const r = gcw(['verify', '--export', 'page1.json', ...profile, '--out', 'reports']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'reports')).sort()).toEqual([
      'page1[0].verification.md',
      'page1[1].verification.md',
      'page1[2].verification.md',
    ]);
    expect(r.stdout).toMatch(
      /\n3 files: 3 checked \(0 with errors\), 0 files not an app manifest\.\n3 reports written to /,
    );
    // Only the first page of the tenant: said on stderr, and in the JSON summary.
    expect(r.stderr).toContain('page1.json names a next page (@odata.nextLink)');
    expect(lines(gcw(['verify', '--export', 'page1.json', ...profile, '--json']).stdout).at(-1)?.summary).toMatchObject(
      { partialExports: ['page1.json'] },
    );
  });

  it('an export that cannot be read is a usage error (exit 2), like a folder that cannot be read', () => {
    expect(gcw(['verify', '--export', 'missing.json', ...profile]).code).toBe(2);
    expect(gcw(['verify', '--export', 'apps.json', '--dir', 'folder', ...profile]).code).toBe(2);
  });
});
