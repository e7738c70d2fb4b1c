/** An Entra (or other OAuth) error, pulled apart from a JSON body, an msal error, callback parameters or pasted text. */
export interface ParsedEntraError {
  /** The OAuth error, e.g. invalid_client. */
  error: string | null;
  /** The first AADSTS number. */
  aadsts: number | null;
  errorCodes: number[];
  /** Microsoft's message without the trailing trace/correlation/timestamp lines. */
  description: string | null;
  traceId: string | null;
  correlationId: string | null;
  timestamp: string | null;
  suberror: string | null;
}

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

function pick(text: string, re: RegExp): string | null {
  return re.exec(text)?.[1] ?? null;
}

function strOrNull(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

/** Remove the "Trace ID … Correlation ID … Timestamp …" tail Entra appends to every description. */
export function cleanDescription(text: string): string {
  return text
    .replace(new RegExp(`[\\s\\r\\n]*Trace ID:\\s*${GUID}[\\s\\S]*$`, 'i'), '')
    .replace(new RegExp(`[\\s\\r\\n]*Correlation ID:\\s*${GUID}[\\s\\S]*$`, 'i'), '')
    .trim();
}

function fromText(text: string, base: Partial<ParsedEntraError> = {}): ParsedEntraError {
  // msal's ServerError message: "Error(s): n - Timestamp: t - Description: d - Correlation ID: c - Trace ID: x"
  const msalDescription = pick(text, /Description:\s*([\s\S]*?)\s+-\s+Correlation ID:/);
  const description = cleanDescription(msalDescription ?? text);
  const aadsts = pick(text, /AADSTS(\d+)/);
  const codes = base.errorCodes?.length ? base.errorCodes : aadsts ? [Number(aadsts)] : [];
  return {
    error: base.error ?? null,
    aadsts: codes[0] ?? null,
    errorCodes: codes,
    description: base.description ?? (description || null),
    traceId: base.traceId ?? pick(text, new RegExp(`Trace ID:\\s*(${GUID})`, 'i')),
    correlationId: base.correlationId ?? pick(text, new RegExp(`Correlation ID:\\s*(${GUID})`, 'i')),
    timestamp: base.timestamp ?? pick(text, /Timestamp:\s*(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?)/),
    suberror: base.suberror ?? null,
  };
}

/** Parse whatever carries an identity-provider error; null when it is not one (e.g. a network failure). */
export function parseEntraError(input: unknown): ParsedEntraError | null {
  if (typeof input === 'string') return /AADSTS\d+|error/i.test(input) ? fromText(input) : null;
  if (input instanceof URLSearchParams) return parseEntraError(Object.fromEntries(input));
  if (!input || typeof input !== 'object') return null;
  const o = input as Record<string, unknown>;
  const name = strOrNull(o.name);
  if (
    name === 'ServerError' ||
    name === 'InteractionRequiredAuthError' ||
    (typeof o.errorCode === 'string' && typeof o.errorMessage === 'string')
  ) {
    const message = strOrNull(o.errorMessage) ?? '';
    const serverLike = name === 'ServerError' || name === 'InteractionRequiredAuthError' || /AADSTS\d+/.test(message);
    if (!serverLike) return null;
    const errorNo = Number(strOrNull(o.errorNo) ?? NaN);
    return fromText(message, {
      error: strOrNull(o.errorCode),
      errorCodes: Number.isFinite(errorNo) ? [errorNo] : [],
      traceId: strOrNull(o.traceId),
      correlationId: strOrNull(o.correlationId),
      timestamp: strOrNull(o.timestamp),
      suberror: strOrNull(o.subError),
    });
  }
  if ('error' in o || 'error_description' in o) {
    const codes = Array.isArray(o.error_codes) ? o.error_codes.filter((c): c is number => typeof c === 'number') : [];
    const description = strOrNull(o.error_description) ?? '';
    const parsed = fromText(description, {
      error: strOrNull(o.error),
      errorCodes: codes,
      traceId: strOrNull(o.trace_id),
      correlationId: strOrNull(o.correlation_id),
      timestamp: strOrNull(o.timestamp),
      suberror: strOrNull(o.suberror) ?? strOrNull(o.error_subcode),
    });
    return { ...parsed, description: description ? cleanDescription(description) : null };
  }
  return null;
}
