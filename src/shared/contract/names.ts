// The contract by name only: method and event names, their IPC channels, and buildApi. No schema and no zod, so the
// preload (and any other client of window.workbench) stays small; src/shared/contract/index.ts proves at compile time
// that these lists name exactly the contract's methods and events (a method added there must be named here too).
import { buildApiObject, type WorkbenchHost } from './build-api';
import type { WorkbenchApi } from './index';

export type { WorkbenchApi } from './index';

/** Every method main offers the renderer, in a stable (sorted) order: the preload exposes exactly these. */
export const methodNames = [
  'app.about',
  'app.dismissNotice',
  'app.notices',
  'app.openDataFolder',
  'app.openLink',
  'certificates.base64File',
  'certificates.cancelOpen',
  'certificates.copyBase64',
  'certificates.copyKeyCredentials',
  'certificates.copyPassword',
  'certificates.decodeBase64',
  'certificates.discard',
  'certificates.export',
  'certificates.exportFiles',
  'certificates.generate',
  'certificates.handoff',
  'certificates.inspect',
  'certificates.inspectFile',
  'certificates.prewarm',
  'certificates.saveBase64',
  'certificates.suggestPassword',
  'certificates.unlock',
  'clipboard.copyText',
  'graph.apply',
  'graph.cancelSignIn',
  'graph.changes',
  'graph.discard',
  'graph.fetch',
  'graph.previewCreate',
  'graph.previewRemoveOld',
  'graph.previewRepair',
  'graph.previewRotate',
  'graph.signIn',
  'graph.signOut',
  'graph.status',
  'profiles.connectionSheet',
  'profiles.copySheetField',
  'profiles.create',
  'profiles.delete',
  'profiles.duplicate',
  'profiles.environments',
  'profiles.expiry',
  'profiles.exportRedacted',
  'profiles.exportText',
  'profiles.get',
  'profiles.import',
  'profiles.list',
  'profiles.restore',
  'profiles.revealSecret',
  'profiles.update',
  'profiles.validate',
  'records.export',
  'records.get',
  'records.render',
  'scopes.build',
  'scopes.checklist',
  'scopes.copyRequiredResourceAccess',
  'scopes.copyScopeString',
  'scopes.search',
  'settings.chooseSaveFolder',
  'settings.get',
  'settings.update',
  'signin.aadstsLookup',
  'signin.aadstsSearch',
  'signin.adminConsent',
  'signin.adminConsentLink',
  'signin.appOnly',
  'signin.cancel',
  'signin.checkConnection',
  'signin.chooseExtraCa',
  'signin.clearHistory',
  'signin.copyDiagnostics',
  'signin.decodeToken',
  'signin.forgetSignIn',
  'signin.graphProbe',
  'signin.history',
  'signin.interactive',
  'signin.preferences',
  'signin.profileInfo',
  'signin.revealAccessToken',
  'signin.setPreferences',
  'signin.trustExtraCaPem',
  'verify.copyReport',
  'verify.exportReport',
  'verify.renderReport',
  'verify.run',
  'wizard.checklist',
  'wizard.get',
  'wizard.holdSecret',
  'wizard.reset',
  'wizard.save',
  'wizard.useCertificate',
] as const;

/** Every event main sends, sorted. */
export const eventNames = ['app.navigate', 'app.notice', 'certificates.progress', 'signin.progress'] as const;

/** One method's name. */
export type MethodName = (typeof methodNames)[number];
/** One event's name. */
export type EventName = (typeof eventNames)[number];

/** The IPC channel a method travels on. */
export function channelFor(name: MethodName): string {
  return `wb:${name}`;
}

/** The IPC channel events travel on. */
export const EVENT_CHANNEL = 'wb:event';

/** Build window.workbench from a generic caller (typed); used by the preload and by the test hosts. */
export function buildApi(
  names: readonly string[],
  call: (name: string, input: unknown) => Promise<unknown>,
  subscribe: (name: string, listener: (payload: unknown) => void) => () => void,
  host: WorkbenchHost = 'desktop',
): WorkbenchApi {
  return buildApiObject(names, call, subscribe, host) as WorkbenchApi;
}
