import meta from './graph-permissions.meta.json' with { type: 'json' };

/**
 * Where the Microsoft Graph permission catalogue came from and how fresh it is (written by
 * scripts/refresh-graph-permissions.mjs; docs/permission-catalogue.md). Kept apart from the catalogue itself so
 * `gcw --version` can say it without loading 1,100 permissions.
 */
export interface CatalogInfo {
  /** The date of the newest source read (YYYY-MM-DD): permissions Microsoft published later are unknown to it. */
  date: string;
  entries: number;
  delegated: number;
  application: number;
  sources: Array<{ source: string; date?: string; entries?: number; added?: string[] }>;
}

export const catalogInfo: CatalogInfo = meta;
