import type { AppRegistrationSummary, ManifestFormat } from '../../shared/registration';
import type { FindingDraft } from './findings';

/** One app registration read from a manifest, with what reading it noticed. */
export interface ParsedApp {
  summary: AppRegistrationSummary;
  /** Findings from reading: odd fields, credentials without dates, a secret's text in the file. */
  notes: FindingDraft[];
  /** URLs and domains the object names (identifier URIs, redirect URIs, home page, OData context): clues to its cloud. */
  cloudClues: string[];
}

/** A manifest file read into the one model, whatever its format. */
export interface ParsedManifest {
  format: ManifestFormat;
  apps: ParsedApp[];
  /** Findings about the file as a whole (mixed formats, items that were not apps). */
  notes: FindingDraft[];
}
