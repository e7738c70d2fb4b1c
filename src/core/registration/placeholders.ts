// Values that stand in for real ones: Teams Toolkit's placeholders (`${{NAME}}` today; `{{state.…}}` in the older
// aad.template.json), other template placeholders, and values redacted before a manifest was shared (`*****`).
import { isObject } from './field-reader';

const toolkitPlaceholder = /\$?\{\{\s*[A-Za-z_][\w.-]*\s*\}\}/g;
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a stand-in value is. */
export type StandIn = { kind: 'toolkit'; names: string[] } | { kind: 'template' } | { kind: 'redacted' };

/** True when the text holds a Teams Toolkit placeholder (`${{NAME}}`, or `{{state.…}}` of older templates). */
export function hasToolkitPlaceholder(text: string): boolean {
  return text.includes('{{') && new RegExp(toolkitPlaceholder.source).test(text);
}

/** The Teams Toolkit placeholders in a text, as written (`${{AAD_APP_CLIENT_ID}}`). */
export function toolkitPlaceholderNames(text: string): string[] {
  return [...text.matchAll(toolkitPlaceholder)].map((m) => m[0].replace(/\s+/g, ''));
}

/**
 * Name a value that is not a real client ID but stands in for one, or null for anything that may be real (a GUID,
 * or a typo — those are compared as written).
 */
export function standIn(value: string): StandIn | null {
  const v = value.trim();
  if (hasToolkitPlaceholder(v)) return { kind: 'toolkit', names: toolkitPlaceholderNames(v) };
  if (guid.test(v)) return /^[0-]+$/.test(v) ? { kind: 'redacted' } : null;
  if (/^<[^<>]+>$|^\{[^{}]+\}$|^\[[^[\]]+\]$|^%[A-Za-z_]+%$|^\$\{?[A-Za-z_]+\}?$/.test(v)) return { kind: 'template' };
  if (/^[*•xX#?.\s-]{3,}$/.test(v) && /[*•xX#?]/.test(v)) return { kind: 'redacted' };
  if (/redacted|removed|hidden|your[-_ ]?(app|client)|client[-_ ]?id[-_ ]?here/i.test(v)) return { kind: 'redacted' };
  return null;
}

/** How a stand-in appId is named in messages. */
export function describeStandIn(value: string, kind: StandIn): string {
  if (kind.kind === 'toolkit') return `the Teams Toolkit placeholder ${value.trim()}`;
  if (kind.kind === 'template') return `the placeholder “${value.trim().slice(0, 40)}”`;
  return `redacted (“${value.trim().slice(0, 40)}”)`;
}

/** Every Teams Toolkit placeholder in a parsed JSON value, in order of first appearance (manifests are shallow: 32 levels are read). */
export function placeholdersIn(value: unknown, found: string[] = [], depth = 0): string[] {
  if (depth > 32) return found;
  if (typeof value === 'string') {
    for (const name of toolkitPlaceholderNames(value)) if (!found.includes(name)) found.push(name);
  } else if (Array.isArray(value)) {
    for (const item of value) placeholdersIn(item, found, depth + 1);
  } else if (isObject(value)) {
    for (const item of Object.values(value)) placeholdersIn(item, found, depth + 1);
  }
  return found;
}
