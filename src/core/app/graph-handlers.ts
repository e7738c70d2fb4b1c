import type { AppContext } from './context';
import type { HandlersFor } from './dispatcher';

/** Handlers that change app registrations through Microsoft Graph: sign in, preview, apply, verify again. */
export function graphHandlers(ctx: AppContext): HandlersFor<'graph'> {
  const g = ctx.graph;
  return {
    'graph.status': ({ profileId }) => g.status(profileId),
    'graph.signIn': (input) => g.signIn(input),
    'graph.signOut': ({ profileId }) => ({ signedOut: g.signOut(profileId) }),
    'graph.fetch': ({ profileId }) => g.fetch(profileId),
    'graph.previewCreate': (input) => g.previewCreate(input),
    'graph.previewRepair': (input) => g.previewRepair(input),
    'graph.previewRotate': (input) => g.previewRotate(input),
    'graph.previewRemoveOld': (input) => g.previewRemoveOld(input),
    'graph.apply': ({ planId }) => g.apply(planId),
    'graph.discard': ({ planId }) => ({ discarded: g.discard(planId) }),
    'graph.changes': ({ profileId }) => g.changes(profileId),
  };
}
