import type {
  CreatedObject,
  GraphAction,
  GraphChange,
  GraphMethod,
  GraphPreview,
  GraphRequestPreview,
} from '../../shared/graph-apply';
import { maskSecrets } from './mask';
import { rolesFor } from './management';

/** One request of a plan. `{step.field}` in the path or in body strings is filled from an earlier step's answer. */
export interface GraphStep {
  /** Names the step for placeholders, e.g. `application` → `{application.id}`. */
  key: string;
  method: GraphMethod;
  /** Path from the Graph host, starting with `/v1.0/`. */
  path: string;
  body: unknown;
  purpose: string;
  /** What a successful answer created, for the partial-failure report. */
  creates?: { kind: CreatedObject['kind']; label: string; undo: (id: string) => string };
  /** Right after the application is created, Graph may not know it yet everywhere: retry 404s (and the matching 400) with backoff. */
  replicationRetry?: boolean;
  /** A failure here leaves the writes before it in place, and says so (consent after a created app). */
  optional?: boolean;
}

/** Requests for one action, with the diff and what the sign-in must ask for. */
export interface GraphPlan {
  action: GraphAction;
  graphHost: string;
  steps: GraphStep[];
  changes: GraphChange[];
  scopes: string[];
  notes: string[];
}

const PLACEHOLDER = /\{([A-Za-z]+)\.([A-Za-z]+)\}/g;

/** Fill `{step.field}` placeholders from the answers so far; unknown ones stay as they are. */
export function fill<T>(value: T, answers: Map<string, Record<string, unknown>>): T {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (whole, step: string, field: string) => {
      const found = answers.get(step)?.[field];
      return typeof found === 'string' ? found : whole;
    }) as T;
  }
  if (Array.isArray(value)) return (value as unknown[]).map((v) => fill(v, answers)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, answers)])) as T;
  return value;
}

/** The URL of a path on a cloud's Graph host. */
export function graphUrl(graphHost: string, path: string): string {
  return `https://${graphHost}${path}`;
}

/** The requests as the admin sees them: full URLs, bodies with secrets masked. */
export function previewRequests(plan: Pick<GraphPlan, 'graphHost' | 'steps'>): GraphRequestPreview[] {
  return plan.steps.map((s) => ({
    method: s.method,
    url: graphUrl(plan.graphHost, s.path),
    body: maskSecrets(s.body ?? null),
    purpose: s.purpose,
    writes: s.method !== 'GET',
  }));
}

/** Everything shown before a write. */
export function previewOf(plan: GraphPlan): GraphPreview {
  return {
    action: plan.action,
    graphHost: plan.graphHost,
    requests: previewRequests(plan),
    changes: plan.changes,
    scopes: plan.scopes,
    roles: rolesFor(plan.scopes),
    notes: plan.notes,
  };
}

/** `--dry-run --json`: method, URL and body of each request. */
export function dryRunJson(plan: Pick<GraphPlan, 'graphHost' | 'steps'>): {
  requests: Array<{ method: GraphMethod; url: string; body: unknown }>;
} {
  return { requests: previewRequests(plan).map(({ method, url, body }) => ({ method, url, body })) };
}
