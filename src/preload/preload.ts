// The preload: exposes window.workbench = the contract's named methods and a filtered event subscription. Nothing else.
// It loads the contract by name only (no schemas, no zod): main parses every input.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  buildApi,
  channelFor,
  EVENT_CHANNEL,
  eventNames,
  methodNames,
  type MethodName,
} from '../shared/contract/names';

const knownEvents = new Set<string>(eventNames);

const workbench = buildApi(
  methodNames,
  (name, input) => ipcRenderer.invoke(channelFor(name as MethodName), input),
  (name, listener) => {
    if (!knownEvents.has(name)) throw new Error(`Unknown event ${name}`);
    const handler = (_event: IpcRendererEvent, message: { name: string; payload: unknown }) => {
      if (message?.name === name) listener(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
);

contextBridge.exposeInMainWorld('workbench', workbench);
