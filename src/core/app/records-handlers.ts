import { basename } from 'node:path';
import type { ConnectionRecord, RecordFormat } from '../../shared/records';
import { WorkbenchError } from '../errors';
import type { FileFilter } from '../os/ports';
import { buildConnectionRecord, printPdf, renderRecordHtml, renderRecordMarkdown } from '../records';
import type { AppContext } from './context';
import type { HandlersFor } from './dispatcher';
import { saveThroughDialog } from './file-dialogs';

const formats: Record<RecordFormat, { extension: string; filter: FileFilter; label: string }> = {
  markdown: { extension: 'md', filter: { name: 'Markdown', extensions: ['md'] }, label: 'Markdown' },
  html: { extension: 'html', filter: { name: 'HTML page', extensions: ['html', 'htm'] }, label: 'HTML' },
  pdf: { extension: 'pdf', filter: { name: 'PDF document', extensions: ['pdf'] }, label: 'PDF' },
};

/** The connection record of a profile from its test history and last verification. */
export function recordOf(ctx: AppContext, profileId: string): ConnectionRecord {
  const entry = ctx.profiles.get(profileId);
  if (!entry.profile)
    throw new WorkbenchError(
      'profile.not_editable',
      `The profile “${entry.name}” cannot be read well enough for a record. Fix it on the Connections page first.`,
    );
  return buildConnectionRecord({
    entry,
    history: ctx.signin.history(profileId),
    findings: ctx.profiles.validate(profileId),
    verification: ctx.verifications.get(profileId),
    graphChanges: ctx.graph.changes(profileId),
    now: ctx.now(),
    generator: `${ctx.runtime.appName} ${ctx.runtime.appVersion}`,
  });
}

/** A file name from the profile's name: letters, digits, dots and dashes only. */
export function recordFileName(name: string, format: RecordFormat): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 80) || 'connection';
  return `${base}-connection-record.${formats[format].extension}`;
}

/** Handlers of the connection record: show it, and export it as Markdown, HTML or PDF (owner-only file). */
export function recordsHandlers(ctx: AppContext): HandlersFor<'records'> {
  return {
    'records.get': ({ profileId }) => recordOf(ctx, profileId),
    'records.export': async ({ profileId, format }) => {
      const record = recordOf(ctx, profileId);
      const kind = formats[format];
      // Print before asking where to save: a host that cannot print says so without a pointless dialog.
      const data =
        format === 'markdown'
          ? renderRecordMarkdown(record)
          : format === 'html'
            ? renderRecordHtml(record)
            : await printPdf(ctx.pdf, renderRecordHtml(record));
      const path = await saveThroughDialog(ctx, {
        title: `Save the connection record (${kind.label})`,
        fileName: recordFileName(record.profileName, format),
        filters: [kind.filter],
        data,
      });
      ctx.log.info('Exported a connection record', { profile: profileId, format, file: basename(path) });
      return { path, format, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length };
    },
    'records.render': ({ profileId, format }) => {
      const record = recordOf(ctx, profileId);
      return format === 'markdown'
        ? {
            fileName: recordFileName(record.profileName, format),
            mediaType: 'text/markdown',
            text: renderRecordMarkdown(record),
          }
        : {
            fileName: recordFileName(record.profileName, format),
            mediaType: 'text/html',
            text: renderRecordHtml(record),
          };
    },
  };
}
