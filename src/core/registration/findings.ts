import type { EnvironmentEndpoints } from '../connections/environments';
import type { FindingSeverity, RegistrationFinding, RegistrationFindingCode } from '../../shared/registration';
import { appBladeUrl, openAppSteps, type AdminBlade } from './admin-center';

/** A finding before it knows its app and cloud: checks return these, the verifier completes them. */
export interface FindingDraft {
  code: RegistrationFindingCode;
  message: string;
  /** The steps after "open the app, select <blade>". */
  fix: string;
  blade: AdminBlade;
  /** Overrides the code's usual severity where the same problem weighs differently (e.g. a trailing slash). */
  severity?: FindingSeverity;
}

/** The usual severity of each finding code. */
export const findingSeverity: Record<RegistrationFindingCode, FindingSeverity> = {
  'manifest.app_id_missing': 'warning',
  'manifest.unexpected_value': 'warning',
  'manifest.secret_text_present': 'warning',
  'manifest.mixed_format': 'info',
  'manifest.several_apps': 'info',
  'manifest.template': 'warning',
  'manifest.partial': 'warning',
  'manifest.app_id_placeholder': 'warning',
  'manifest.duplicate_key': 'warning',
  'key_credential.no_dates': 'warning',
  'key_credential.identifier_unreadable': 'info',
  'key_credential.expired': 'warning',
  'key_credential.expiring': 'info',
  'password_credential.no_dates': 'warning',
  'password_credential.expired': 'warning',
  'password_credential.expiring': 'info',
  'client_id.mismatch': 'error',
  'audience.missing': 'warning',
  'audience.single_tenant_shared_endpoint': 'error',
  'audience.personal_accounts_only': 'error',
  'audience.consumers_tenant': 'error',
  'audience.multi_tenant_needed': 'error',
  'audience.wider_than_needed': 'info',
  'audience.token_version': 'warning',
  'audience.app_only_needs_tenant': 'error',
  'redirect.byo_callback_missing': 'error',
  'redirect.byo_domain_unknown': 'info',
  'redirect.loopback_missing': 'error',
  'redirect.wrong_platform': 'error',
  'redirect.case_mismatch': 'error',
  'redirect.trailing_slash': 'error',
  'redirect.scheme_mismatch': 'error',
  'redirect.loopback_ip_literal': 'error',
  'redirect.http_not_localhost': 'error',
  'redirect.ipv6_loopback': 'warning',
  'redirect.invalid_uri': 'warning',
  'redirect.localhost_port_variants': 'warning',
  'redirect.implicit_grant_enabled': 'info',
  'public_client.enabled_for_confidential': 'warning',
  'permission.minimum_missing': 'error',
  'permission.sign_in_scope_missing': 'warning',
  'permission.trigger_missing': 'error',
  'permission.delegated_missing': 'warning',
  'permission.application_missing': 'error',
  'permission.no_application_form': 'warning',
  'permission.role_instead_of_scope': 'error',
  'permission.scope_instead_of_role': 'error',
  'permission.unknown_id': 'warning',
  'permission.unknown_name': 'warning',
  'permission.id_kind_mismatch': 'error',
  'permission.more_privilege': 'warning',
  'permission.not_needed': 'info',
  'permission.admin_consent_required': 'info',
  'permission.aad_graph_legacy': 'warning',
  'permission.other_api_not_checked': 'info',
  'certificate.not_checked': 'info',
  'certificate.none_registered': 'error',
  'certificate.none_usable': 'error',
  'certificate.not_registered': 'error',
  'certificate.identifier_base64_hex_text': 'info',
  'certificate.wrong_type': 'error',
  'certificate.wrong_usage': 'error',
  'certificate.dates_differ': 'warning',
  'certificate.expired': 'error',
  'certificate.expiring': 'warning',
  'certificate.not_yet_valid': 'warning',
  'certificate.private_key_mismatch': 'error',
  'secret.none_registered': 'error',
  'secret.hint_mismatch': 'error',
  'secret.hint_unavailable': 'info',
  'secret.expired': 'error',
  'secret.expiring': 'warning',
  'secret.expiry_differs': 'info',
  'cloud.other_cloud': 'warning',
  'cloud.other_cloud_domain': 'info',
};

/** Give a draft its severity, its app, the admin-center link of the target's cloud and the full click path. */
export function completeFinding(
  draft: FindingDraft,
  environment: EnvironmentEndpoints,
  app: { appId: string | null; displayName: string | null },
): RegistrationFinding {
  return {
    code: draft.code,
    severity: draft.severity ?? findingSeverity[draft.code],
    message: draft.message,
    fix: `${openAppSteps(environment, app, draft.blade)} ${draft.fix}`,
    link: appBladeUrl(environment, app.appId, draft.blade),
    appId: app.appId,
    appName: app.displayName,
  };
}

const severityOrder: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; Array.prototype.sort is stable, so check order holds within a severity. */
export function sortFindings(findings: RegistrationFinding[]): RegistrationFinding[] {
  return [...findings].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
}

/** A list of names as readers write it: "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
