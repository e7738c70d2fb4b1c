import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { WorkbenchError } from '../errors';
import { writeNewFile } from '../storage/atomic-write';
import { lookupAadsts, searchAadsts } from '../signin/aadsts-catalogue';
import { readExtraCa } from '../signin/service/extra-ca';
import { decodeToken } from '../signin/token-decode';
import type { AppContext } from './context';
import type { HandlersFor } from './dispatcher';

const caFilters = [{ name: 'Root CA certificate (PEM)', extensions: ['pem', 'crt', 'cer'] }];

/** Handlers for the Sign-in tests page: the flows, cancel, history, diagnostics, the AADSTS catalogue and settings. */
export function signinHandlers(ctx: AppContext): HandlersFor<'signin'> {
  const s = ctx.signin;
  return {
    'signin.profileInfo': ({ profileId }) => s.info(profileId),
    'signin.interactive': (input) => s.interactive(input),
    'signin.appOnly': (input) => s.appOnly(input),
    'signin.adminConsent': (input) => s.adminConsent(input),
    'signin.adminConsentLink': (input) => s.adminConsentLink(input),
    'signin.checkConnection': (input) => s.checkConnection(input),
    'signin.graphProbe': (input) => s.graphProbe(input),
    'signin.cancel': ({ profileId }) => ({ cancelled: s.cancel(profileId) }),
    'signin.history': ({ profileId }) => s.history(profileId),
    'signin.clearHistory': ({ profileId }) => ({ removed: s.store.clearHistory(profileId) }),
    'signin.forgetSignIn': ({ profileId }) => ({ forgotten: s.forgetSignIn(profileId) }),
    'signin.copyDiagnostics': ({ profileId }) => ctx.clipboard.copy(s.diagnostics(profileId), { secret: false }),
    'signin.revealAccessToken': ({ profileId }) => s.revealToken(profileId),
    'signin.decodeToken': ({ token }) => {
      const { header, claims, payload } = decodeToken(token);
      return { header, claims, payload };
    },
    'signin.aadstsLookup': ({ code }) => lookupAadsts(code) ?? null,
    'signin.aadstsSearch': ({ query }) => searchAadsts(query),
    'signin.preferences': () => s.preferences(),
    'signin.setPreferences': (patch) => s.setPreferences(patch),
    'signin.chooseExtraCa': async () => {
      const path = await ctx.dialogs.openFile({ title: 'Root CA to trust for sign-in tests', filters: caFilters });
      if (!path) throw new WorkbenchError('dialog.cancelled', 'No file was chosen; the setting is unchanged.');
      return s.trustExtraCa(path);
    },
    'signin.trustExtraCaPem': ({ fileName, pem }) => {
      // The page read the file (gcw ui); a copy in the data folder is what the setting names, as a chosen file would be.
      const base =
        basename(fileName)
          .replace(/\.(pem|crt|cer)$/i, '')
          .replace(/[^\w.-]+/g, '-')
          .replace(/^[-.]+/, '')
          .slice(0, 80) || 'root-ca';
      const path = join(ctx.paths.dataDirectory, 'trusted-ca', `${base}.pem`);
      const candidate = `${path}.new`;
      try {
        mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
        writeNewFile(candidate, pem, { overwrite: true });
      } catch (cause) {
        throw new WorkbenchError(
          'file.write_failed',
          `The root CA could not be kept in the data folder (${dirname(path)}). Check that you may write there.`,
          { cause },
        );
      }
      try {
        // Checked before it replaces a file of the same name that may be the one trusted now.
        readExtraCa(candidate);
      } catch (error) {
        rmSync(candidate, { force: true });
        throw error;
      }
      renameSync(candidate, path);
      return s.trustExtraCa(path);
    },
  };
}
