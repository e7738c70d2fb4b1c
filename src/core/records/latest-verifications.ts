import { z } from 'zod';
import type { Notice } from '../../shared/contract/app';
import type { RecordVerification } from '../../shared/records';
import type { VerifyReport } from '../../shared/registration';
import type { StoreBackendFactory } from '../storage/backend';
import { openJsonDocument, type JsonDocument } from '../storage/json-document';

/** Findings kept per verification: the record lists what needs action, not every note. */
const KEPT_FINDINGS = 100;

const severity = z.enum(['error', 'warning', 'info']);
const verificationSchema = z.object({
  checkedAt: z.string().max(64),
  fileName: z.string().max(260).nullable(),
  appName: z.string().max(300).nullable(),
  counts: z.object({ error: z.number().int().min(0), warning: z.number().int().min(0), info: z.number().int().min(0) }),
  openFindings: z
    .array(z.object({ severity, code: z.string().max(100), message: z.string().max(4000), fix: z.string().max(4000) }))
    .max(KEPT_FINDINGS),
});

const documentSchema = z.object({ version: z.literal(1), profiles: z.record(z.string(), verificationSchema) });
type VerificationsDocument = z.infer<typeof documentSchema>;

/** What a connection record keeps of a verification: counts and the open findings (reports hold no secrets). */
export function summarizeReport(report: VerifyReport): RecordVerification {
  return {
    checkedAt: report.checkedAt,
    fileName: report.fileName ? report.fileName.slice(0, 260) : null,
    appName: report.apps[0]?.displayName?.slice(0, 300) ?? null,
    counts: { ...report.counts },
    openFindings: report.findings
      .filter((f) => f.severity !== 'info')
      .slice(0, KEPT_FINDINGS)
      .map((f) => ({
        severity: f.severity,
        code: f.code,
        message: f.message.slice(0, 4000),
        fix: f.fix.slice(0, 4000),
      })),
  };
}

/** `verifications.json`: the last verification of each profile, so its connection record can name the open findings after a restart. */
export class LatestVerifications {
  private readonly doc: JsonDocument<VerificationsDocument>;
  /** Notices from opening the file (recovered, repaired). */
  readonly notices: Notice[];

  constructor(options: { directory: string; backend: StoreBackendFactory }) {
    this.doc = openJsonDocument(
      {
        name: 'verifications',
        label: 'last verifications',
        schema: documentSchema,
        currentVersion: 1,
        defaults: () => ({ version: 1, profiles: {} }),
        repair: (raw) => {
          const profiles: VerificationsDocument['profiles'] = {};
          const reset: string[] = [];
          const given =
            typeof raw.profiles === 'object' && raw.profiles !== null ? (raw.profiles as Record<string, unknown>) : {};
          for (const [id, value] of Object.entries(given)) {
            const parsed = verificationSchema.safeParse(value);
            if (parsed.success) profiles[id] = parsed.data;
            else reset.push(id);
          }
          return { value: { version: 1, profiles }, reset };
        },
      },
      options,
    );
    this.notices = this.doc.notices;
  }

  /** Remember a profile's newest verification (replacing the one before). */
  remember(profileId: string, report: VerifyReport): RecordVerification {
    const summary = summarizeReport(report);
    const file = this.doc.get();
    file.profiles[profileId] = summary;
    this.doc.set(file);
    return summary;
  }

  /** The last verification of a profile, or null. */
  get(profileId: string): RecordVerification | null {
    return this.doc.get().profiles[profileId] ?? null;
  }

  /** Forget a profile's verification (e.g. after it was deleted). */
  forget(profileId: string): void {
    const file = this.doc.get();
    if (!(profileId in file.profiles)) return;
    delete file.profiles[profileId];
    this.doc.set(file);
  }
}
