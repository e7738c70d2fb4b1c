import { randomUUID } from 'node:crypto';
import type { VerifyReport } from '../../shared/registration';
import { WorkbenchError } from '../errors';

/** Reports kept for export and copy; older ones are dropped (the pages only offer the latest). */
const KEPT_REPORTS = 20;

/** The verification reports of this session by id: a manifest's (Verify page) or an app read through Graph. */
export class ReportShelf {
  private readonly reports = new Map<string, VerifyReport>();

  keep(report: VerifyReport): string {
    const id = randomUUID();
    this.reports.set(id, report);
    while (this.reports.size > KEPT_REPORTS) this.reports.delete(this.reports.keys().next().value as string);
    return id;
  }

  find(id: string): VerifyReport {
    const report = this.reports.get(id);
    if (!report)
      throw new WorkbenchError(
        'verify.report_not_found',
        'That report is no longer kept (only the last 20 of this session are). Run the check again, then export it.',
      );
    return report;
  }
}
