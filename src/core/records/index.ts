export { buildConnectionRecord, type RecordSources } from './build-record';
export { profileOfFile, recordOfProfileFile, type FileRecordSources } from './file-record';
export { consentSummary, permissionRows, testNames } from './consent';
export { LatestVerifications, summarizeReport } from './latest-verifications';
export { printPdf, unavailablePdfPrinter } from './pdf';
export { renderRecordHtml } from './render-html';
export { renderRecordMarkdown } from './render-markdown';
