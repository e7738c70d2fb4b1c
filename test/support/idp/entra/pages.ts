// The emulator's HTML pages: login form, consent page and "Need admin approval".
import { esc, page } from './errors';
import type { Transaction } from './state';

/** The sign-in form (username pre-filled from login_hint). */
export function loginPage(txn: Transaction, error?: string): string {
  return page(
    'Sign in to your account',
    `<h1>Sign in</h1>${error ? `<p id="login-error" role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/emulator/login" id="login-form">
<input type="hidden" name="txn" value="${esc(txn.id)}">
<label>Email, phone, or Skype <input id="username" name="username" type="email" value="${esc(txn.loginHint ?? '')}"></label>
<label>Password <input id="password" name="password" type="password"></label>
<button id="submit" type="submit">Sign in</button>
</form>`,
  );
}

/** The consent page: the permissions asked for, Accept or Cancel. */
export function consentPage(txn: Transaction, permissions: string[], admin: boolean): string {
  const items = permissions.map((p) => `<li>${esc(p)}</li>`).join('');
  return page(
    'Permissions requested',
    `<h1>Permissions requested${admin ? ' — accept for your organization' : ''}</h1>
<p>${esc(txn.app.displayName ?? txn.app.clientId)} needs permission to:</p><ul id="permissions">${items}</ul>
<form method="post" action="/emulator/consent" id="consent-form">
<input type="hidden" name="txn" value="${esc(txn.id)}">
<button id="accept" type="submit" name="decision" value="accept">Accept</button>
<button id="decline" type="submit" name="decision" value="decline">Cancel</button>
</form>`,
  );
}

/** "Need admin approval" (AADSTS90094), with the way back to the app without consent. */
export function needAdminPage(txn: Transaction): string {
  return page(
    'Need admin approval',
    `<h1>Need admin approval</h1>
<p id="error-text">AADSTS90094: ${esc(txn.app.displayName ?? txn.app.clientId)} needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.</p>
<form method="post" action="/emulator/consent" id="consent-form">
<input type="hidden" name="txn" value="${esc(txn.id)}">
<button id="return" type="submit" name="decision" value="cancel">Return to the application without granting consent</button>
</form>`,
  );
}
