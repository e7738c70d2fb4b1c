import { WorkbenchError } from '../errors';
import type { AppContext } from './context';
import type { HandlersFor } from './dispatcher';

/** Handlers for the app frame: about, notices, links. */
export function appHandlers(ctx: AppContext): HandlersFor<'app'> {
  return {
    'app.about': () => ({
      ...ctx.runtime,
      secretStorage: ctx.secrets.status(),
      dataDirectory: ctx.paths.dataDirectory,
      logFile: ctx.paths.logFile,
    }),
    'app.notices': () => ctx.notices.list(),
    'app.dismissNotice': ({ id }) => ({ dismissed: ctx.notices.dismiss(id) }),
    'app.openLink': async ({ url }) => {
      const reason = ctx.links.check(url);
      if (reason) {
        ctx.log.warn('Refused to open a link', { reason });
        throw new WorkbenchError('external.not_allowed', `That link was not opened: ${reason}.`);
      }
      await ctx.shell.openInBrowser(url);
      return { opened: true };
    },
    'app.openDataFolder': async () => {
      await ctx.shell.openPath(ctx.paths.dataDirectory);
      return { opened: true };
    },
  };
}

/** Handlers for copying non-secret values. */
export function clipboardHandlers(ctx: AppContext): HandlersFor<'clipboard'> {
  return {
    'clipboard.copyText': ({ text }) => ctx.clipboard.copy(text, { secret: false }),
  };
}

/** Handlers for the Settings page. */
export function settingsHandlers(ctx: AppContext): HandlersFor<'settings'> {
  return {
    'settings.get': () => ctx.settings.get(),
    'settings.update': (patch) => ctx.settings.update(patch),
    'settings.chooseSaveFolder': async () => {
      const current = ctx.settings.get().defaultSaveFolder;
      const folder = await ctx.dialogs.chooseFolder({ title: 'Default folder for saved files', ...(current ? { defaultPath: current } : {}) });
      if (!folder) throw new WorkbenchError('dialog.cancelled', 'No folder was chosen; the setting is unchanged.');
      return ctx.settings.update({ defaultSaveFolder: folder });
    },
  };
}
