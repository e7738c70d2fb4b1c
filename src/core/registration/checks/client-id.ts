import { appIdIsStandIn } from '../shape-notes';
import type { Check } from './check-context';

/** The profile's client ID against the manifest's appId (and the classic slip: the Object ID pasted instead). */
export const checkClientId: Check = ({ app, target }) => {
  const wanted = target.clientId?.trim();
  // A placeholder or redacted appId is named by its own note (manifest.app_id_placeholder), not as another app.
  if (!wanted || !app.appId || appIdIsStandIn(app)) return [];
  if (wanted.toLowerCase() === app.appId.toLowerCase()) return [];
  const objectIdSlip = app.objectId !== null && wanted.toLowerCase() === app.objectId.toLowerCase();
  return [
    {
      code: 'client_id.mismatch',
      message: objectIdSlip
        ? `The connection uses ${wanted}, which is this app's Object ID, not its Application (client) ID ${app.appId}. Sign-in fails with AADSTS700016.`
        : `The connection uses client ID ${wanted}, but this manifest belongs to the app with client ID ${app.appId}. Either the connection or the manifest is for another app; sign-in would fail with AADSTS700016.`,
      fix: objectIdSlip
        ? 'Copy Application (client) ID from Overview into the connection’s client ID field.'
        : 'Copy Application (client) ID from Overview into the connection, or download the manifest of the app the connection really uses (Manifest › Download).',
      blade: 'Overview',
    },
  ];
};
