// A recording stand-in for the `electron` module, to load the built main.cjs under plain Node. It does what the
// shell needs to get through start-up (events, handlers, a window object) and records every call with the phase it
// came in (before or after `ready`). It draws nothing and proves nothing about Electron itself.
import { EventEmitter } from 'node:events';

export type Phase = 'before-ready' | 'after-ready';

export interface Call {
  phase: Phase;
  api: string;
  args: unknown[];
}

/** Arguments as JSON can carry them: functions become "[function]", objects are copied shallowly twice down. */
function plain(value: unknown, depth = 0): unknown {
  if (typeof value === 'function') return '[function]';
  if (value === null || typeof value !== 'object') return value;
  if (depth > 3) return '[object]';
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, depth + 1)]));
}

export interface FakeElectronOptions {
  userData: string;
  /** What requestSingleInstanceLock answers (false = another copy runs). */
  lock: boolean;
  isPackaged: boolean;
}

export interface FakeElectron {
  module: Record<string, unknown>;
  calls: Call[];
  /** Resolve app.whenReady() and emit 'ready', as Electron does once Chromium is up. */
  ready(): void;
  /** ipcMain.handle registrations by channel. */
  ipcHandlers: Map<string, (...args: unknown[]) => unknown>;
  /** protocol.handle registrations by scheme. */
  protocolHandlers: Map<string, (request: Request) => Response | Promise<Response>>;
  windows: FakeWindow[];
  app: EventEmitter;
}

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  constructor(private readonly record: (api: string, args: unknown[]) => void) {
    super();
  }
  setWindowOpenHandler(handler: unknown) {
    this.record('webContents.setWindowOpenHandler', [handler]);
  }
  send(...args: unknown[]) {
    this.record('webContents.send', args);
  }
}

export class FakeWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  constructor(
    readonly options: Record<string, unknown>,
    private readonly record: (api: string, args: unknown[]) => void,
  ) {
    super();
    this.webContents = new FakeWebContents(record);
  }
  loadURL(url: string): Promise<void> {
    this.record('BrowserWindow.loadURL', [url]);
    return Promise.resolve();
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 0, y: 0, width: 1200, height: 820 });
  show = () => this.record('BrowserWindow.show', []);
  maximize = () => undefined;
  restore = () => undefined;
  focus = () => undefined;
}

export function createFakeElectron(options: FakeElectronOptions): FakeElectron {
  const calls: Call[] = [];
  let phase: Phase = 'before-ready';
  const record = (api: string, args: unknown[]) => calls.push({ phase, api, args: args.map((a) => plain(a)) });
  const ipcHandlers = new Map<string, (...args: unknown[]) => unknown>();
  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  const windows: FakeWindow[] = [];
  let markReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (markReady = resolve));

  const app = new EventEmitter();
  Object.assign(app, {
    isPackaged: options.isPackaged,
    getName: () => 'Graph Connection Workbench',
    getVersion: () => '0.0.0-fake',
    getPath: (name: string) => {
      record('app.getPath', [name]);
      if (name === 'userData') return options.userData;
      return `${options.userData}/${name}`;
    },
    requestSingleInstanceLock: () => {
      record('app.requestSingleInstanceLock', []);
      return options.lock;
    },
    whenReady: () => {
      record('app.whenReady', []);
      return readyPromise;
    },
    isReady: () => phase === 'after-ready',
    quit: () => record('app.quit', []),
    exit: (code?: number) => record('app.exit', [code]),
    setAppUserModelId: (id: string) => record('app.setAppUserModelId', [id]),
  });
  const originalOn = app.on.bind(app);
  app.on = (event: string, listener: (...args: unknown[]) => void) => {
    record('app.on', [event]);
    return originalOn(event, listener);
  };

  const permissionSession = () => ({
    setPermissionRequestHandler: (h: unknown) => record('session.setPermissionRequestHandler', [h]),
    setPermissionCheckHandler: (h: unknown) => record('session.setPermissionCheckHandler', [h]),
    webRequest: { onBeforeRequest: (h: unknown) => record('session.webRequest.onBeforeRequest', [h]) },
  });

  const module: Record<string, unknown> = {
    app,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => record('protocol.registerSchemesAsPrivileged', [schemes]),
      handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
        record('protocol.handle', [scheme]);
        protocolHandlers.set(scheme, handler);
      },
    },
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => unknown) => {
        record('ipcMain.handle', [channel]);
        ipcHandlers.set(channel, handler);
      },
      on: (channel: string) => record('ipcMain.on', [channel]),
    },
    net: {
      fetch: (url: string) => {
        record('net.fetch', [url]);
        return Promise.resolve(new Response('fake net.fetch body', { status: 200 }));
      },
    },
    BrowserWindow: class extends FakeWindow {
      static getAllWindows = () => windows;
      constructor(opts: Record<string, unknown>) {
        super(opts, record);
        record('new BrowserWindow', [opts]);
        windows.push(this);
      }
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => record('Menu.setApplicationMenu', [menu !== null]),
    },
    dialog: {
      showErrorBox: (title: string, content: string) => record('dialog.showErrorBox', [title, content]),
      showMessageBoxSync: (...args: unknown[]) => {
        record('dialog.showMessageBoxSync', args);
        return 1;
      },
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
      showSaveDialog: () => Promise.resolve({ canceled: true }),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: { defaultSession: permissionSession(), fromPartition: () => permissionSession() },
    safeStorage: {
      isEncryptionAvailable: () => false,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: () => {
        throw new Error('fake safeStorage cannot encrypt');
      },
      decryptString: () => {
        throw new Error('fake safeStorage cannot decrypt');
      },
    },
    clipboard: { writeText: () => undefined, readText: () => '', clear: () => undefined },
    shell: { openExternal: (url: string) => record('shell.openExternal', [url]), openPath: () => Promise.resolve('') },
    Notification: class extends EventEmitter {
      static isSupported = () => false;
    },
  };
  // electron-store reads `electron.default` when bundled as an ES default import.
  module.default = module;

  return {
    module,
    calls,
    ipcHandlers,
    protocolHandlers,
    windows,
    app,
    ready() {
      phase = 'after-ready';
      record('(ready)', []);
      markReady();
      app.emit('ready');
    },
  };
}
