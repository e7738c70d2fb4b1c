/** Error codes of changing app registrations through Microsoft Graph (Graph's own codes travel in details.graphCode). */
export const graphApplyErrorCodes = [
  /** The request cannot be built from the profile (no Graph host, wrong credential kind, bad months). */
  'graph.invalid_request',
  /** No management sign-in is held for this session: sign in first. */
  'graph.not_signed_in',
  /** Authorization_RequestDenied / 403: the signed-in admin's role or the token's scopes do not allow this. */
  'graph.denied',
  /** Request_BadRequest / 400: Graph refused the body. */
  'graph.bad_request',
  /** 404 that stayed after the replication retries, or an app that does not exist. */
  'graph.not_found',
  /** 429 / 503 that stayed after waiting the Retry-After time. */
  'graph.throttled',
  /** The access token was refused (expired or for another cloud): sign in again. */
  'graph.unauthorized',
  /** Graph could not be reached (DNS, TLS, timeout). */
  'graph.network',
  /** Any other Graph answer. */
  'graph.failed',
  /** Some writes succeeded before one failed; details say what exists now. */
  'graph.partial_failure',
  /** `gcw app` without --yes and without a terminal to confirm on: nothing was written. */
  'graph.confirmation_required',
  /** A preview is no longer held (too old, or already applied): preview again. */
  'graph.plan_not_found',
  /** There is nothing Graph can change for these findings. */
  'graph.nothing_to_do',
] as const;
