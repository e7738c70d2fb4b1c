import { z } from 'zod';
import { recordFormats, type ConnectionRecord, type RecordFormat } from '../records';
import type { DownloadFile } from '../download';
import { method } from './define';

const profileId = z.string().min(1).max(100);

/** Contract methods of the connection record: see it, and export it for a change ticket (no secrets). */
export const recordMethods = {
  'records.get': method<ConnectionRecord>()(
    z.object({ profileId }).strict(),
    'The connection record of a profile: its settings, certificate and secret dates, permissions with consent, last tests and open findings. Never a secret.',
  ),
  'records.export': method<{ path: string; format: RecordFormat; bytes: number }>()(
    z.object({ profileId, format: z.enum(recordFormats) }).strict(),
    'Save the connection record as Markdown, HTML or PDF where the user chooses (owner-only file).',
  ),
  'records.render': method<DownloadFile>()(
    z.object({ profileId, format: z.enum(['markdown', 'html']) }).strict(),
    'The connection record as a Markdown or HTML file for the browser to download or print (gcw ui; no secrets).',
  ),
};
