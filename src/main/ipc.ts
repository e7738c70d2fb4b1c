import type { IpcMainInvokeEvent } from 'electron';
import { ipcMain } from 'electron';
import type { Dispatcher } from '../core/app/dispatcher';
import { channelFor, methodNames } from '../shared/contract';
import { isAppUrl } from './app-origin';

/** Why an IPC sender is not trusted, or null: it must be one of our windows, its main frame, on our origin. */
export function senderRefusal(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  trustedIds: ReadonlySet<number>,
  entryUrl: string,
): string | null {
  if (!trustedIds.has(event.sender.id)) return 'not one of the app windows';
  const frame = event.senderFrame;
  if (!frame) return 'the frame is gone';
  if (frame.parent !== null) return 'not the main frame';
  if (!isAppUrl(frame.url, entryUrl)) return 'not the app origin';
  return null;
}

/** Register every contract method on its channel: check the sender, then let the dispatcher parse and run it. */
export function registerContract(
  dispatcher: Dispatcher,
  options: { trustedIds: ReadonlySet<number>; entryUrl: string; log: (m: string, d?: Record<string, unknown>) => void },
): void {
  for (const name of methodNames) {
    ipcMain.handle(channelFor(name), async (event, input: unknown) => {
      const refusal = senderRefusal(event, options.trustedIds, options.entryUrl);
      if (refusal) {
        options.log('Refused an IPC call', { method: name, reason: refusal });
        return {
          ok: false,
          error: {
            code: 'ipc.forbidden_sender',
            message: 'This request did not come from the Workbench window and was refused.',
          },
        };
      }
      return dispatcher.call(name, input);
    });
  }
}
