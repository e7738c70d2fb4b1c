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
      const link = ctx.links.resolve(url);
      if ('refused' in link) {
        ctx.log.warn('Refused to open a link', { reason: link.refused });
        throw new WorkbenchError('external.not_allowed', `That link was not opened: ${link.refused}.`, {
          hint: 'Copy the address and open it yourself if you trust it; the Workbench opens only https links to Microsoft sign-in and admin-center hosts.',
        });
      }
      // The parsed URL's href, not the string the page sent: the OS gets exactly what was checked.
      await ctx.shell.openInBrowser(link.href);
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
      const folder = await ctx.dialogs.chooseFolder({
        title: 'Default folder for saved files',
        ...(current ? { defaultPath: current } : {}),
      });
      if (!folder) throw new WorkbenchError('dialog.cancelled', 'No folder was chosen; the setting is unchanged.');
      return ctx.settings.update({ defaultSaveFolder: folder });
    },
  };
}
