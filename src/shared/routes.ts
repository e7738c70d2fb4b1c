// The app's pages by id and the one way to write an address to one (`href`): the renderer's navigation, main's menu
// and the reminders main shows all build their targets here, so a page id or a parameter name cannot be misspelt.
import type { AuthKind } from './connections';

/** Every page, by id (the navigation's order is src/renderer/pages/registry.ts). */
export const pageIds = [
  'start',
  'wizard',
  'connections',
  'signin',
  'scopes',
  'certificates',
  'verify',
  'help',
  'settings',
  'about',
] as const;

/** One page's id. */
export type PageId = (typeof pageIds)[number];

/** What each page reads after `?` (every parameter optional). */
export interface PageParams {
  start: Record<string, never>;
  wizard: Record<string, never>;
  /** The list; a profile's sheet in a panel; a new profile's form; a profile's form; a new profile from a held certificate. */
  connections: { sheet?: string; new?: AuthKind; edit?: string; certificate?: string };
  signin: { profile?: string };
  scopes: { profile?: string };
  certificates: Record<string, never>;
  verify: { profile?: string };
  /** An AADSTS code (or words) to look up. */
  help: { code?: string };
  settings: Record<string, never>;
  about: Record<string, never>;
}

declare const hrefBrand: unique symbol;
/** An address inside the app, `#/<page>` or `#/<page>?<key>=<value>&…`: made by `href` (or `asHref` for one read from outside). */
export type Href = `#/${string}` & { readonly [hrefBrand]: true };

/** The address of a page, with its parameters (those left undefined are left out). */
export function href<P extends PageId>(page: P, params?: PageParams[P]): Href {
  const pairs = Object.entries(params ?? {}).filter((pair): pair is [string, string] => typeof pair[1] === 'string');
  const query = pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
  return `#/${page}${query ? `?${query}` : ''}` as Href;
}

/** An address read from outside (the URL bar, a route main sent as `page?query`) as an Href; parseHref says whether it names a page. */
export function asHref(address: string): Href {
  return `#/${address.replace(/^#?\/?/, '')}` as Href;
}

/** Whether a string is one of the page ids. */
export function isPageId(value: string): value is PageId {
  return (pageIds as readonly string[]).includes(value);
}

/** An address taken apart: the page (null when no page has that id), the id as written, and the text after `?`. */
export interface ParsedHref {
  page: PageId | null;
  /** The id as the address has it ('' for the start page's bare address). */
  written: string;
  query: string;
}

/** Read an address (`#/page?query`, `#page`, `/page` or `page`); the empty address is the start page. */
export function parseHref(address: string): ParsedHref {
  const target = address.replace(/^#?\/?/, '');
  const at = target.indexOf('?');
  const written = at < 0 ? target : target.slice(0, at);
  const query = at < 0 ? '' : target.slice(at + 1);
  if (written === '') return { page: 'start', written, query };
  return { page: isPageId(written) ? written : null, written, query };
}
