// The decision guide's recommendation, in the admin's words.
import { describe, expect, it } from 'vitest';
import { optionLabel, recommendOption, type WizardGuide } from '../../../src/shared/wizard';
import { wizardInputSchema } from '../../../src/shared/wizard-schema';

const guide = (g: Partial<WizardGuide>): WizardGuide => ({
  signsIn: null,
  triggers: null,
  credential: null,
  environment: null,
  ...g,
});

describe('decision guide', () => {
  it('recommends nothing until “who signs in” is answered', () => {
    expect(recommendOption(guide({ credential: 'certificate', triggers: 'yes' }))).toBeNull();
  });

  it.each([
    [{ signsIn: 'person' }, 'byo-app'],
    [{ signsIn: 'person', credential: 'certificate' }, 'byo-app'],
    [{ signsIn: 'unattended' }, 'certificate'],
    [{ signsIn: 'unattended', credential: 'either' }, 'certificate'],
    [{ signsIn: 'unattended', credential: 'certificate' }, 'certificate'],
    [{ signsIn: 'unattended', credential: 'secret' }, 'client-credentials'],
  ] as const)('%o → %s', (answers, auth) => {
    expect(recommendOption(guide(answers))?.auth).toBe(auth);
  });

  it('says why: certificate over secret, triggers and the cloud', () => {
    const r = recommendOption(
      guide({ signsIn: 'person', credential: 'certificate', triggers: 'yes', environment: 'usgov-l5' }),
    );
    expect(r?.reasons).toEqual([
      expect.stringContaining('/provisioning_/callback'),
      expect.stringContaining('If a certificate is a must, choose Client certificate'),
      expect.stringContaining('Triggers need a sign-in that keeps refreshing'),
      'The checklist links to the US Government admin center and uses its sign-in and Graph hosts.',
    ]);
    expect(recommendOption(guide({ signsIn: 'unattended', environment: 'office365' }))?.reasons).toHaveLength(1);
  });

  it('never claims the private key stays on the computer: the connection page takes the PFX and its password', () => {
    const reasons =
      recommendOption(guide({ signsIn: 'unattended', credential: 'certificate' }))?.reasons.join(' ') ?? '';
    expect(reasons).not.toMatch(/never leaves/);
    expect(reasons).toContain('The connection page takes the PFX (with its private key) and its password');
  });

  it('marks the recommended option and starts a fresh state with nothing chosen', () => {
    expect(optionLabel('certificate', 'certificate')).toBe('Client certificate (recommended)');
    expect(optionLabel('byo-app', 'certificate')).toBe('Bring your own OAuth 2.0 app');
    expect(wizardInputSchema.parse({})).toMatchObject({
      step: 'decide',
      done: [],
      auth: null,
      profileId: null,
      draft: { name: '', environment: 'office365', audience: 'single-tenant' },
    });
    expect(wizardInputSchema.safeParse({ draft: { clientSecret: 'x' } }).success).toBe(false);
  });
});
