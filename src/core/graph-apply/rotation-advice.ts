import type { FetchView } from '../../shared/contract/graph';

/** The new credential of a rotation as the profile now holds it. */
export type RotatedCredential =
  { kind: 'certificate'; thumbprintSha1: string } | { kind: 'secret'; keyId: string; hint: string };

const hex = (s: string | null | undefined) => (s ?? '').replace(/[^0-9a-f]/gi, '').toUpperCase();

/** The credentials still registered beside the new one (what a rotation calls "the old"). */
export function oldCredentials(after: FetchView | null, rotated: RotatedCredential): string[] {
  if (!after) return [];
  if (rotated.kind === 'certificate') {
    return after.certificates
      .filter((c) => hex(c.thumbprintSha1) !== hex(rotated.thumbprintSha1))
      .map(
        (c) =>
          `${c.displayName ?? 'certificate'} (SHA-1 ${c.thumbprintSha1 ?? '?'}, key ID ${c.keyId}${c.endDateTime ? `, until ${c.endDateTime.slice(0, 10)}` : ''})`,
      );
  }
  return after.passwords
    .filter((p) => p.keyId !== rotated.keyId)
    .map(
      (p) =>
        `${p.displayName ? `“${p.displayName}” ` : ''}(hint ${p.hint ?? '?'}…, key ID ${p.keyId}${p.endDateTime ? `, until ${p.endDateTime.slice(0, 10)}` : ''})`,
    );
}

/**
 * What a rotation's result says beside the sign-in test: where the new credential is (the profile already holds it),
 * that the old one is still registered, and what to do next — after a passed test as after a failed one.
 */
export function rotationAdvice(ok: boolean, rotated: RotatedCredential, after: FetchView | null): string[] {
  const what = rotated.kind === 'certificate' ? 'certificate' : 'client secret';
  const held =
    rotated.kind === 'certificate'
      ? `The profile already holds the new certificate (SHA-1 ${rotated.thumbprintSha1}): it replaced the old PFX in this computer’s keychain, so the Workbench’s tests now use the new one.`
      : `The profile already holds the new client secret (hint ${rotated.hint}…, key ID ${rotated.keyId}): it replaced the old value in this computer’s keychain, so the Workbench’s tests now use the new one.`;
  const old = oldCredentials(after, rotated);
  const registered =
    old.length > 0
      ? `The old ${what}${old.length > 1 ? 's are' : ' is'} still registered on the app: ${old.join('; ')}. A connection that still uses ${old.length > 1 ? 'one of them' : 'it'} (your automation platform’s) keeps working.`
      : after
        ? `No other ${what} is registered on the app.`
        : `The app could not be read back, so which other ${what}s are registered is not known: nothing was removed.`;
  if (ok) {
    return [
      held,
      registered,
      `Next: put the new ${what} into the automation platform’s connection (the connection sheet copies it), check that connection, then remove the old ${what} here.`,
    ];
  }
  return [
    held,
    registered,
    `What to do: Entra can take a few minutes to accept a new ${what}. Run the sign-in test again in a few minutes (here, or on the Sign-in tests page). If it keeps failing, its error code says why (the Sign-in tests page explains it).`,
    `Keep the old ${what} registered and keep the automation platform’s connection on it until the test passes. To go back, edit the profile on the Connections page and give it the old ${rotated.kind === 'certificate' ? 'PFX' : 'secret value'} again.`,
  ];
}
