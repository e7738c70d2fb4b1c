/**
 * A file for the browser to download (gcw ui): what the desktop app would write where its save dialog says, named as
 * that dialog would suggest. Text as text; bytes (a PFX, a DER certificate) as base64.
 */
export interface DownloadFile {
  fileName: string;
  mediaType: string;
  text?: string;
  base64?: string;
}
