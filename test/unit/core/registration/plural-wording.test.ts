// Messages count in words the way the shared helper does: "the sign-in scope offline_access is", "1 error".
import { describe, expect, it } from 'vitest';
import { reportVerdict } from '../../../../src/core/registration/report-content';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import { goodSpec, goodTarget, manifestJson } from './manifest-builders';

describe('registration wording', () => {
  it('one missing sign-in scope is "scope … is", two are "scopes … are"', () => {
    const one = goodSpec();
    one.permissions = one.permissions.filter((p) => !('name' in p) || p.name !== 'offline_access');
    const message = (spec: ReturnType<typeof goodSpec>) =>
      verifyManifest(manifestJson(spec, 'graph'), goodTarget('byo-app')).findings.find(
        (f) => f.code === 'permission.sign_in_scope_missing',
      )?.message;
    expect(message(one)).toMatch(/^The sign-in scope offline_access is not listed\./);
    const two = goodSpec();
    two.permissions = two.permissions.filter(
      (p) => !('name' in p) || (p.name !== 'offline_access' && p.name !== 'openid'),
    );
    expect(message(two)).toMatch(/^The sign-in scopes .+ are not listed\./);
  });

  it('the verdict counts 1 error, 0 warnings, 1 note', () => {
    const report = verifyManifest(manifestJson(goodSpec(), 'graph'), goodTarget('byo-app'));
    expect(reportVerdict({ ...report, counts: { error: 1, warning: 0, info: 1 } })).toMatch(
      /\(1 error, 0 warnings, 1 note\)$/,
    );
  });
});
