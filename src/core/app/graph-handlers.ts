import type { FetchView } from '../../shared/contract/graph';
import type { AppContext } from './context';
import type { HandlersFor } from './dispatcher';
import { ReportShelf } from './report-shelf';

/** Handlers that change app registrations through Microsoft Graph: sign in, preview, apply, verify again. */
export function graphHandlers(ctx: AppContext, reports: ReportShelf = new ReportShelf()): HandlersFor<'graph'> {
  const g = ctx.graph;
  // The verification of an app read through Graph can be exported and copied as the Verify page's reports are.
  const kept = (view: FetchView): FetchView => ({ ...view, reportId: reports.keep(view.report) });
  return {
    'graph.status': ({ profileId }) => g.status(profileId),
    'graph.signIn': (input) => g.signIn(input),
    'graph.cancelSignIn': ({ profileId }) => ({ cancelled: g.cancelSignIn(profileId) }),
    'graph.signOut': ({ profileId }) => ({ signedOut: g.signOut(profileId) }),
    'graph.fetch': async ({ profileId }) => kept(await g.fetch(profileId)),
    'graph.previewCreate': (input) => g.previewCreate(input),
    'graph.previewRepair': (input) => g.previewRepair(input),
    'graph.previewRotate': (input) => g.previewRotate(input),
    'graph.previewRemoveOld': (input) => g.previewRemoveOld(input),
    'graph.apply': async ({ planId }) => {
      const out = await g.apply(planId);
      return out.after ? { ...out, after: kept(out.after) } : out;
    },
    'graph.discard': ({ planId }) => ({ discarded: g.discard(planId) }),
    'graph.changes': ({ profileId }) => g.changes(profileId),
  };
}
