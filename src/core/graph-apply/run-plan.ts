import type { AppError } from '../../shared/result';
import type { CreatedObject, GraphRequestOutcome, PartialFailure } from '../../shared/graph-apply';
import { isWorkbenchError, WorkbenchError } from '../errors';
import type { GraphClient } from './graph-client';
import { fill, graphUrl, type GraphPlan, type GraphStep } from './plan';

/** What a run did: every answer by step (for the caller, may hold a new secret), what exists now, and any failure. */
export interface PlanRun {
  answers: Map<string, Record<string, unknown>>;
  outcomes: GraphRequestOutcome[];
  created: CreatedObject[];
  /** Set when a request failed after earlier writes succeeded. */
  failure: PartialFailure | null;
  error: AppError | null;
}

/**
 * Send a plan's requests in order, filling each `{step.field}` from earlier answers. A failure before any write
 * throws; a failure after writes returns the partial-failure report (what exists, how to finish, how to undo).
 */
export async function runPlan(plan: GraphPlan, client: GraphClient): Promise<PlanRun> {
  const answers = new Map<string, Record<string, unknown>>();
  const created: CreatedObject[] = [];
  const start = client.outcomes.length;
  let wrote = false;
  for (const [index, step] of plan.steps.entries()) {
    const url = graphUrl(plan.graphHost, fill(step.path, answers));
    const body = fill(step.body, answers);
    try {
      const res = await client.call({
        method: step.method,
        url,
        body,
        purpose: step.purpose,
        ...(step.replicationRetry ? { replicationRetry: true } : {}),
      });
      const answer = res.body && typeof res.body === 'object' ? (res.body as Record<string, unknown>) : {};
      answers.set(step.key, answer);
      if (step.method !== 'GET') wrote = true;
      const id = createdId(step, answer);
      if (step.creates && id)
        created.push({
          kind: step.creates.kind,
          id,
          label: step.creates.label,
          undo: fill(step.creates.undo(id), answers),
        });
    } catch (err) {
      if (!wrote) throw err;
      const error = isWorkbenchError(err)
        ? err.toAppError()
        : new WorkbenchError('graph.failed', (err as Error).message).toAppError();
      const outcomes = client.outcomes.slice(start);
      const failedAt = outcomes.at(-1) ?? {
        method: step.method,
        url,
        purpose: step.purpose,
        status: null,
        ok: false,
        graphCode: null,
        retries: 0,
      };
      return { answers, outcomes, created, error, failure: partial(plan, index, step, failedAt, created, error) };
    }
  }
  return { answers, outcomes: client.outcomes.slice(start), created, failure: null, error: null };
}

/** The id of what a step created: the object's id, or the keyId of a new secret. */
function createdId(step: GraphStep, answer: Record<string, unknown>): string | null {
  const id = step.creates?.kind === 'passwordCredential' ? answer.keyId : answer.id;
  return typeof id === 'string' ? id : null;
}

function partial(
  plan: GraphPlan,
  index: number,
  step: GraphStep,
  failedAt: GraphRequestOutcome,
  created: CreatedObject[],
  error: AppError,
): PartialFailure {
  const rest = plan.steps.slice(index).map((s) => `${s.method} ${s.path}`);
  const finish = step.optional
    ? `The app registration exists; only “${step.purpose}” and what follows did not happen (${error.message}). ${error.hint ?? ''} Then run the action again with consent, or grant admin consent in the admin center (API permissions › Grant admin consent).`
    : `Not done: ${rest.join('; ')}. ${error.hint ?? ''} Fix the cause, then run Repair on the profile (it now holds the new app’s client ID): repair reads the app back and adds only what is missing, so nothing is created twice. Or finish in the admin center.`;
  return {
    failedAt,
    created,
    finish: finish.replace(/\s+/g, ' ').trim(),
    undo: [...created].reverse().map((c) => `${c.label}: ${c.undo}`),
  };
}
