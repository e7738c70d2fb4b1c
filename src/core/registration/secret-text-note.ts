import type { FindingDraft } from './findings';

/** The note for a manifest that carries a client secret's value (addPassword output, or a legacy `value`). */
export function secretTextNote(): FindingDraft {
  return {
    code: 'manifest.secret_text_present',
    message:
      'This file contains the value of a client secret (secretText or value under passwordCredentials). The Workbench did not read or copy it, but anyone with the file can use the secret.',
    fix: 'Delete or protect this file. If it may have been shared, under Client secrets delete that secret, create a new one (New client secret) and update the connection.',
    blade: 'Credentials',
  };
}
