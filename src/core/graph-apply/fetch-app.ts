import type { VerifyReport } from '../../shared/registration';
import { verifyManifest } from '../registration/verify-manifest';
import type { VerifyTarget } from '../registration/verify-target';
import type { GraphClient } from './graph-client';
import { graphUrl } from './plan';

/** GET /v1.0/applications(appId='…'): the path of an app by its client ID. */
export function applicationByAppIdPath(appId: string, select?: string): string {
  return `/v1.0/applications(appId='${encodeURIComponent(appId.trim())}')${select ? `?$select=${select}` : ''}`;
}

/** Read an app registration by its client ID; `justCreated` retries Graph's replication delay. */
export async function fetchApplication(
  client: GraphClient,
  graphHost: string,
  appId: string,
  options: { justCreated?: boolean; withKeys?: boolean } = {},
): Promise<Record<string, unknown>> {
  const res = await client.call({
    method: 'GET',
    url: graphUrl(graphHost, applicationByAppIdPath(appId)),
    purpose: 'Read the app registration back to verify it.',
    ...(options.justCreated ? { replicationRetry: true } : {}),
  });
  const app = (res.body && typeof res.body === 'object' ? res.body : {}) as Record<string, unknown>;
  if (options.withKeys && Array.isArray(app.keyCredentials) && app.keyCredentials.length > 0) {
    const keys = await client.call({
      method: 'GET',
      url: graphUrl(graphHost, applicationByAppIdPath(appId, 'id,appId,keyCredentials')),
      purpose: 'Read the registered certificates with their keys, so they are kept when the collection is written.',
    });
    const body = keys.body as { keyCredentials?: unknown } | null;
    if (body && Array.isArray(body.keyCredentials)) app.keyCredentials = body.keyCredentials;
  }
  return app;
}

/** Check a Graph application object with the offline verifier, exactly as a downloaded manifest is checked. */
export function verifyApplication(
  app: Record<string, unknown>,
  target: VerifyTarget,
  fileName = 'Microsoft Graph',
): VerifyReport {
  return verifyManifest(JSON.stringify(app), target, { fileName });
}
