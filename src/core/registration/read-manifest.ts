import { WorkbenchError } from '../errors';
import type { ManifestFormat } from '../../shared/registration';
import { findDuplicateKeys, type DuplicateKey } from './duplicate-keys';
import { listWords, type FindingDraft } from './findings';
import { identifyJson } from './identify-json';
import { locateJsonError } from './json-position';
import { manifestHowTo, manifestText } from './manifest-input';
import type { ParsedManifest } from './manifest-model';
import { normalizeAadGraphApp } from './normalize-aadgraph';
import { normalizeGraphApp } from './normalize-graph';
import { describeNonJsonText, looksLikeTemplate } from './sniff-text';

/**
 * Read a manifest file (text or bytes) in either format into the one model. Throws WorkbenchError
 * `manifest.too_large`, `manifest.empty`, `manifest.invalid_json` (with line and column) or
 * `manifest.not_a_manifest` (saying what the file is instead).
 */
export function readManifest(input: string | Uint8Array): ParsedManifest {
  const text = manifestText(input);
  const value = parseJson(text);
  const identity = identifyJson(value);
  if (identity.kind === 'other') {
    throw new WorkbenchError(
      'manifest.not_a_manifest',
      `This is not an app registration manifest: it is ${identity.description}.`,
      {
        hint: identity.hint ?? manifestHowTo,
      },
    );
  }
  const formats = new Set(identity.objects.map((o) => o.format));
  const format: ManifestFormat = identity.objects[0]?.format ?? 'graph';
  const notes: FindingDraft[] = [];
  if (identity.skipped.length > 0) {
    notes.push({
      code: 'manifest.unexpected_value',
      message: `The list holds ${identity.skipped.length} item${identity.skipped.length === 1 ? '' : 's'} that ${identity.skipped.length === 1 ? 'is' : 'are'} not an app registration and ${identity.skipped.length === 1 ? 'was' : 'were'} skipped: ${identity.skipped.slice(0, 3).join('; ')}${identity.skipped.length > 3 ? '; …' : ''}.`,
      fix: 'Save only application objects: Manifest › Download, `az ad app show`, `az ad app list` or Graph GET /applications.',
      blade: 'Manifest',
    });
  }
  if (formats.size > 1 || identity.objects.some((o) => o.mixed)) {
    notes.push({
      code: 'manifest.mixed_format',
      message:
        'The file mixes fields of the Microsoft Graph format and the older Azure AD Graph format; each app was read by the format most of its fields follow.',
      fix: 'Download the manifest again in the Microsoft Graph format (Manifest › Microsoft Graph App Manifest › Download) rather than combining copies by hand.',
      blade: 'Manifest',
    });
  }
  notes.push(...duplicateKeyNotes(findDuplicateKeys(text)));
  const apps = identity.objects.map((o, index) =>
    o.format === 'aadgraph' ? normalizeAadGraphApp(o.object, index) : normalizeGraphApp(o.object, index),
  );
  return { format, apps, notes };
}

/** One note for keys a JSON object repeats: JSON.parse (and this check) kept the last of each. */
function duplicateKeyNotes(duplicates: DuplicateKey[]): FindingDraft[] {
  if (duplicates.length === 0) return [];
  const where = (d: DuplicateKey): string =>
    `“${d.key}”${d.path ? ` in ${d.path}` : ''} (lines ${listWords(d.lines.map(String))}${d.sameValue ? ', same value' : ', different values'})`;
  const differ = duplicates.some((d) => !d.sameValue);
  return [
    {
      code: 'manifest.duplicate_key',
      severity: differ ? 'warning' : 'info',
      message: `The file repeats ${duplicates.length === 1 ? 'a key' : 'keys'} within one object: ${duplicates.slice(0, 5).map(where).join('; ')}${duplicates.length > 5 ? `; and ${duplicates.length - 5} more` : ''}. The last one wins — it is the value this check used${differ ? ', and a reader of the file may take the other' : ''}.`,
      fix: 'Keep one of each in the file — the value the app really has (compare with the manifest shown there) — or download the manifest again rather than merging copies by hand.',
      blade: 'Manifest',
    },
  ];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const other = describeNonJsonText(text);
    if (other)
      throw new WorkbenchError('manifest.not_a_manifest', `This is not an app registration manifest: it is ${other}.`, {
        hint: manifestHowTo,
      });
    const where = locateJsonError(text);
    const template = looksLikeTemplate(text)
      ? ' It looks like a template whose {{ }} placeholders were never filled in.'
      : '';
    const position = where ? `line ${where.line}, column ${where.column}: ${where.problem}` : 'it could not be read';
    throw new WorkbenchError('manifest.invalid_json', `The file is not valid JSON — ${position}.${template}`, {
      hint: 'Download the manifest again rather than copying it from the screen, or correct the file at that place.',
      details: where ? { line: where.line, column: where.column } : undefined,
    });
  }
}
