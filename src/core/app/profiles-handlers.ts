import type { EnvironmentInfo, ProfileListItem } from '../../shared/contract/profiles';
import { secretNames, type SecretName } from '../../shared/connections';
import { environmentIds, environmentLabels } from '../../shared/environments';
import { appRegistrationsUrl, appRegistrationUrl } from '../connections/cloud-urls';
import { endpointsFor, environments } from '../connections/environments';
import { isGuid } from '../connections/formats';
import { WorkbenchError } from '../errors';
import type { AppContext } from './context';
import type { HandlersFor } from './dispatcher';
import { openTextThroughDialog, saveThroughDialog } from './file-dialogs';
import { withHeldCredentials } from './held-credentials';
import { statusOf } from './profile-status';

const profileFilters = [{ name: 'Workbench connection profile', extensions: ['json'] }];
const maxProfileFileBytes = 1024 * 1024;

/** Handlers for the Connections page: profiles, their files, the connection sheet, copy and reveal, expiry. */
export function profilesHandlers(ctx: AppContext): HandlersFor<'profiles'> {
  const store = ctx.profiles;
  return {
    'profiles.list': ({ query }) =>
      store.list(query).map((entry): ProfileListItem => ({ entry, status: statusOf(ctx, entry) })),
    'profiles.get': ({ id }) => {
      const entry = store.get(id);
      const findings = store.validate(id);
      return { entry, findings, status: statusOf(ctx, entry, findings) };
    },
    'profiles.create': (input) => {
      const held = withHeldCredentials(ctx, input, { strict: true });
      const saved = store.create(held.input);
      held.saved();
      return saved;
    },
    'profiles.update': async ({ id, profile }) => {
      const held = withHeldCredentials(ctx, profile, { strict: true });
      // Asked by main in a native dialog, never by the page: a script in the page must not be able to say "keep".
      const question = store.hostChangeQuestion(id, held.input);
      const keep = question ? await ctx.confirm.confirm(question) : false;
      const saved = store.update(id, held.input, { keepSecretsForNewHosts: keep });
      held.saved();
      if (saved.hostChange) {
        // Tokens and the saved sign-in belong to the old hosts.
        ctx.signin.forgetSignIn(id);
        ctx.log.info('A profile’s sign-in hosts changed', {
          profile: id,
          secrets: saved.hostChange.secrets.join(','),
          kept: saved.hostChange.kept,
        });
      }
      return saved;
    },
    'profiles.duplicate': ({ id, name }) => store.duplicate(id, name),
    'profiles.delete': ({ id }) => store.delete(id),
    'profiles.restore': ({ id }) => store.restore(id),
    'profiles.validate': ({ id, profile, appOnlyTest }) =>
      store.validateDraft(withHeldCredentials(ctx, profile, { strict: false }).input, { id, appOnlyTest }),
    'profiles.exportRedacted': async ({ id }) => {
      const text = store.exportText(id);
      const path = await saveThroughDialog(ctx, {
        title: 'Export connection profile (no secrets)',
        fileName: exportFileName(store.get(id).name),
        filters: profileFilters,
        data: text,
      });
      ctx.log.info('Exported a redacted connection profile', { profile: id });
      return { path };
    },
    'profiles.exportText': ({ id }) => ({ text: store.exportText(id), fileName: exportFileName(store.get(id).name) }),
    'profiles.import': async ({ text }) => {
      const content =
        text ??
        (await openTextThroughDialog(ctx, {
          title: 'Import connection profile',
          filters: profileFilters,
          maxBytes: maxProfileFileBytes,
        }));
      return store.importText(content);
    },
    'profiles.connectionSheet': ({ id }) => {
      const sheet = store.connectionSheet(id);
      const profile = store.get(id).profile;
      let url: string | null = null;
      if (profile && isGuid(profile.clientId) && (profile.environment !== 'custom' || profile.customHosts)) {
        url = appRegistrationUrl(endpointsFor(profile.environment, profile.customHosts), profile.clientId);
      }
      return { ...sheet, appRegistrationUrl: url, clipboardClearSeconds: ctx.settings.get().clipboardClearSeconds };
    },
    'profiles.copySheetField': async ({ id, key }) => {
      const sheet = store.connectionSheet(id);
      const field = sheet.fields.find((f) => f.key === key);
      if (!field)
        throw new WorkbenchError(
          'clipboard.nothing_to_copy',
          `The connection sheet of this profile has no field “${key}”. Reopen the sheet.`,
        );
      if (field.secret) {
        if (!isSecretName(field.key))
          throw new WorkbenchError('clipboard.nothing_to_copy', `“${field.label}” is not a secret this profile keeps.`);
        const value = store.readSecret(id, field.key);
        ctx.log.info('Copied a secret of a connection profile', { profile: id, field: field.key });
        return ctx.clipboard.copy(value, { secret: true });
      }
      if (!field.value)
        throw new WorkbenchError(
          'clipboard.nothing_to_copy',
          `${field.label} is empty in this profile. Fill it in on the profile form first.`,
        );
      return ctx.clipboard.copy(field.value, { secret: false });
    },
    'profiles.revealSecret': ({ id, name }) => {
      const value = store.readSecret(id, name);
      ctx.log.info('Revealed a secret of a connection profile', { profile: id, field: name });
      return { value };
    },
    'profiles.expiry': () => store.expiry(),
    'profiles.environments': () => environmentInfo(),
  };
}

function isSecretName(value: string): value is SecretName {
  return (secretNames as readonly string[]).includes(value);
}

/** A file name from the profile's name: letters, digits, dots, dashes and underscores only. */
function exportFileName(name: string): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'profile';
  return `${base}.gcw-profile.json`;
}

function environmentInfo(): EnvironmentInfo[] {
  return environmentIds.map((id) => {
    if (id === 'custom') {
      return {
        id,
        label: environmentLabels[id],
        connectorLabel: null,
        loginHost: null,
        graphHost: null,
        entraAdminHost: null,
        tenantDomainSuffix: null,
        appRegistrationsUrl: null,
      };
    }
    const e = environments[id];
    return {
      id,
      label: environmentLabels[id],
      connectorLabel: e.connectorLabel,
      loginHost: e.loginHost,
      graphHost: e.graphHost,
      entraAdminHost: e.entraAdminHost,
      tenantDomainSuffix: e.tenantDomainSuffix,
      appRegistrationsUrl: appRegistrationsUrl(e),
    };
  });
}
