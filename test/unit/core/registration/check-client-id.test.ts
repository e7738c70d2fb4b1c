// The client ID check as an admin meets it: which client IDs count as this app's, and what the two kinds of mismatch
// say (a pasted Object ID, or the manifest of another app).
import { describe, expect, it } from 'vitest';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import type { RegistrationFinding } from '../../../../src/shared/registration';
import { goodSpec, goodTarget, manifestJson, OBJECT_ID, type AppSpec } from './manifest-builders';

// Client and object IDs with letters, so case matters to a naive comparison.
const HEX_APP_ID = 'abcdef12-3456-4789-abcd-ef1234567890';
const HEX_OBJECT_ID = 'fedcba98-7654-4321-bcde-fa9876543210';

function hexSpec(): AppSpec {
  return { ...goodSpec(), appId: HEX_APP_ID, objectId: HEX_OBJECT_ID };
}

function clientIdFinding(text: string, clientId: string): RegistrationFinding | undefined {
  return verifyManifest(text, goodTarget('byo-app', { clientId })).findings.find(
    (f) => f.code === 'client_id.mismatch',
  );
}

describe('client ID check', () => {
  it('accepts the client ID whatever its case and with the spaces a paste leaves around it', () => {
    const text = manifestJson(hexSpec(), 'graph');
    expect(clientIdFinding(text, HEX_APP_ID.toUpperCase())).toBeUndefined();
    expect(clientIdFinding(manifestJson({ ...hexSpec(), appId: HEX_APP_ID.toUpperCase() }, 'graph'), HEX_APP_ID)).toBe(
      undefined,
    );
    expect(clientIdFinding(text, `  ${HEX_APP_ID}\t`)).toBeUndefined();
  });

  it('names the Object ID slip, in any case, as an error with the client ID to copy instead', () => {
    const f = clientIdFinding(manifestJson(hexSpec(), 'graph'), HEX_OBJECT_ID.toUpperCase());
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe(
      `The connection uses ${HEX_OBJECT_ID.toUpperCase()}, which is this app's Object ID, not its Application (client) ID ${HEX_APP_ID}. Sign-in fails with AADSTS700016.`,
    );
    expect(f?.fix).toMatch(
      /, then select Overview\. Copy Application \(client\) ID from Overview into the connection’s client ID field\.$/,
    );
    const lowerManifest = manifestJson({ ...hexSpec(), objectId: HEX_OBJECT_ID.toUpperCase() }, 'graph');
    expect(clientIdFinding(lowerManifest, HEX_OBJECT_ID)?.message).toContain('which is this app');
  });

  it('says the manifest may be another app’s when the client ID is neither the app’s client ID nor its Object ID', () => {
    const other = '22222222-3333-4444-5555-666666666666';
    const f = clientIdFinding(manifestJson(goodSpec(), 'aadgraph'), other);
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe(
      `The connection uses client ID ${other}, but this manifest belongs to the app with client ID 11111111-2222-3333-4444-555555555555. Either the connection or the manifest is for another app; sign-in would fail with AADSTS700016.`,
    );
    expect(f?.fix).toMatch(
      /Copy Application \(client\) ID from Overview into the connection, or download the manifest of the app the connection really uses \(Manifest › Download\)\.$/,
    );
    expect(f?.fix).not.toContain(OBJECT_ID);
  });

  it('compares against the client ID only when the manifest has no Object ID', () => {
    const graph = JSON.parse(manifestJson(hexSpec(), 'graph')) as Record<string, unknown>;
    delete graph.id;
    const f = clientIdFinding(JSON.stringify(graph), HEX_OBJECT_ID);
    expect(f?.message).toContain(`uses client ID ${HEX_OBJECT_ID}, but this manifest belongs to the app`);
    expect(clientIdFinding(JSON.stringify(graph), HEX_APP_ID)).toBeUndefined();
  });
});
