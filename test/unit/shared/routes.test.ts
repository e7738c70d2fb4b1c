// Addresses inside the app: href() writes them, parseHref() reads them back, and an id that names no page is said so.
import { describe, expect, it } from 'vitest';
import { asHref, href, pageIds, parseHref } from '../../../src/shared/routes';
import { pages } from '../../../src/renderer/pages/registry';

describe('href', () => {
  it('writes a page with its parameters, encoded, leaving out those not given', () => {
    expect(href('start')).toBe('#/start');
    expect(href('connections', { edit: 'a b&c=d/é' })).toBe('#/connections?edit=a%20b%26c%3Dd%2F%C3%A9');
    expect(href('scopes', { profile: undefined })).toBe('#/scopes');
    expect(href('connections', { sheet: 'x', new: undefined })).toBe('#/connections?sheet=x');
  });

  it('reads back what it wrote: the page and the parameters a page gets from URLSearchParams', () => {
    const id = '3f2c1d4e-0000-4000-8000-000000000001 & more?#';
    const parsed = parseHref(href('signin', { profile: id }));
    expect(parsed.page).toBe('signin');
    expect(new URLSearchParams(parsed.query).get('profile')).toBe(id);
  });
});

describe('parseHref', () => {
  it('takes the empty address as Start, and the forms main and the URL bar use', () => {
    expect(parseHref('')).toEqual({ page: 'start', written: '', query: '' });
    expect(parseHref('#/')).toEqual({ page: 'start', written: '', query: '' });
    expect(parseHref('#/help?code=50011').page).toBe('help');
    expect(parseHref('connections?edit=1')).toEqual({ page: 'connections', written: 'connections', query: 'edit=1' });
    expect(parseHref(asHref('#settings')).page).toBe('settings');
  });

  it('says when an address names no page, rather than picking one', () => {
    expect(parseHref('#/conections?edit=1')).toEqual({ page: null, written: 'conections', query: 'edit=1' });
    expect(parseHref('#/Connections').page).toBeNull();
  });
});

it('every page in the navigation has an id, and every id a page in the navigation', () => {
  expect(pages.map((p) => p.id).sort()).toEqual([...pageIds].sort());
});
