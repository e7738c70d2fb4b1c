// The export splitter gives each app of a Graph /applications export (or an az ad app list) as its own item, in any
// chunking, and gives one manifest back whole.
import { describe, expect, it } from 'vitest';
import { JsonExportSplitter, type JsonExportItem } from '../../../../src/core/registration/export-items';

function split(text: string, chunkSize: number, max = 1_000_000): JsonExportItem[] {
  const splitter = new JsonExportSplitter(max);
  const out: JsonExportItem[] = [];
  for (let i = 0; i < text.length; i += chunkSize) out.push(...splitter.push(text.slice(i, i + chunkSize)));
  out.push(...splitter.end());
  return out;
}

const apps = [
  { appId: 'a', displayName: 'One, with "quotes" and \\ backslashes ] } [ {', web: { redirectUris: ['https://x/'] } },
  { appId: 'b', displayName: 'Two', keyCredentials: [{ customKeyIdentifier: 'AB==' }], tags: [] },
  { appId: 'c', displayName: 'Ünïcode – 🚀', notes: null },
];

describe('JsonExportSplitter', () => {
  it.each([1, 2, 3, 7, 64, 100_000])('splits a Graph export into its apps with chunks of %i characters', (size) => {
    const text = `\uFEFF{\n  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications",\n  "value": ${JSON.stringify(apps, null, 2)}\n}\n`;
    const items = split(text, size);
    expect(items.map((i) => i.kind)).toEqual(['item', 'item', 'item']);
    expect(items.map((i) => (i.kind === 'item' ? JSON.parse(i.text) : null))).toEqual(apps);
    expect(items.map((i) => (i.kind === 'item' ? i.index : null))).toEqual([0, 1, 2]);
  });

  it.each([1, 5, 1000])('splits a top-level list (az ad app list) with chunks of %i', (size) => {
    const items = split(JSON.stringify(apps), size);
    expect(items.map((i) => (i.kind === 'item' ? JSON.parse(i.text) : i))).toEqual(apps);
  });

  it.each([1, 4, 1000])(
    'gives one manifest back whole, also one holding "value" deeper down (chunks of %i)',
    (size) => {
      const manifest = JSON.stringify(
        { '@odata.context': 'x', appId: 'a', api: { value: [1, 2] }, value2: [3], notes: 'value' },
        null,
        2,
      );
      expect(split(manifest, size)).toEqual([{ kind: 'whole', text: manifest }]);
    },
  );

  it('notices a next page (@odata.nextLink) before or after the list', () => {
    for (const text of [
      `{"@odata.nextLink":"https://graph/next","value":[{"appId":"a"}]}`,
      `{"value":[{"appId":"a"}],"@odata.nextLink":"https://graph/next"}`,
    ]) {
      const splitter = new JsonExportSplitter(1000);
      splitter.push(text);
      splitter.end();
      expect(splitter.hasNextLink).toBe(true);
    }
  });

  it('reports an element or a whole text over the limit without keeping it', () => {
    const big = { appId: 'big', notes: 'x'.repeat(5000) };
    const items = split(JSON.stringify({ value: [apps[1], big, apps[2]] }), 100, 1000);
    expect(items.map((i) => i.kind)).toEqual(['item', 'too-large', 'item']);
    expect(items[1]).toMatchObject({ kind: 'too-large', index: 1 });
    expect(split(JSON.stringify(big), 100, 1000)).toEqual([
      { kind: 'too-large', index: null, bytes: expect.any(Number) },
    ]);
  });

  it('an empty export gives no items; an empty text gives an empty whole', () => {
    expect(split('{"value":[]}', 3)).toEqual([]);
    expect(split('[ ]', 1)).toEqual([]);
    expect(split('', 1)).toEqual([{ kind: 'whole', text: '' }]);
  });
});
