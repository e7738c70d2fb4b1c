// What the wizard's steps say: Done, Skipped, Needs attention (n), Not started — from the ticks, the fields,
// the saved profile and the status model's verification and test, never from having pressed Next.
import { describe, expect, it } from 'vitest';
import { profileStatus } from '../../../src/core/status';
import type { ProfileFinding } from '../../../src/shared/connections';
import type { SigninHistoryEntry } from '../../../src/shared/contract/signin';
import { type WizardInput, type WizardView } from '../../../src/shared/wizard';
import { wizardInputSchema } from '../../../src/shared/wizard-schema';
import { stepStates } from '../../../src/shared/wizard-steps';

const CLIENT_ID = '6b8c1a2e-3f4d-4e5a-9b7c-1d2e3f4a5b6c';
const TENANT_ID = '0f1e2d3c-4b5a-4697-8877-665544332211';
const NOW = new Date('2026-01-15T00:00:00.000Z');
const required = ['register', 'credential', 'permissions', 'consent', 'ids'];

function view(state: Partial<WizardInput>, extra: Partial<WizardView> = {}): WizardView {
  return {
    state: wizardInputSchema.parse({ auth: 'client-credentials', ...state }),
    certificate: null,
    secrets: { clientSecret: 'missing', certificate: 'missing' },
    refs: { clientSecret: null, certificate: null },
    profile: null,
    status: null,
    checklistRequired: required,
    updatedAt: NOW.toISOString(),
    ...extra,
  };
}

function statusWith(
  history: SigninHistoryEntry[],
  verification: { at: string; errors: number } | null,
  updatedAt = '2026-01-10T00:00:00.000Z',
) {
  return profileStatus({
    profile: {
      auth: 'client-credentials',
      name: 'Robot',
      notes: '',
      secretExpiresAt: null,
      environment: 'office365',
      customHosts: null,
      tenant: TENANT_ID,
      clientId: CLIENT_ID,
      scopes: ['Files.Read'],
      appOnlyPermissions: [],
      updatedAt,
    },
    findings: [],
    verification: verification
      ? {
          checkedAt: verification.at,
          fileName: null,
          appName: null,
          counts: { error: verification.errors, warning: 0, info: 0 },
          openFindings: [],
        }
      : null,
    history,
    now: NOW,
  });
}

const run = (at: string, ok: boolean): SigninHistoryEntry => ({
  runId: at,
  at,
  flow: 'client-credentials',
  client: 'secret',
  ok,
  code: null,
  aadsts: null,
  summary: '',
  user: null,
  granted: [],
  missing: [],
  extra: [],
  durationMs: 1,
});
const error = (field: string): ProfileFinding => ({ code: 'tenant.invalid', severity: 'error', field, message: 'x' });
const ids = { clientId: CLIENT_ID, tenant: TENANT_ID };
const draft = (d: Record<string, string>) => wizardInputSchema.shape.draft.parse(d);

describe('wizard step states', () => {
  it('a fresh wizard: the option is Done once chosen, every other step Not started', () => {
    const states = stepStates(view({ auth: null }), []);
    expect(Object.values(states).map((s) => s.label)).toEqual(Array(8).fill('Not started'));
    expect(stepStates(view({}), []).decide.label).toBe('Done');
  });

  it('step 2 is not done by pressing Next: every needed item ticked and both IDs filled and valid', () => {
    expect(stepStates(view({ done: ['decide', 'register'] }), []).register).toEqual({
      state: 'attention',
      count: 7,
      label: 'Needs attention (7)',
    });
    expect(stepStates(view({ checklistDone: required }), []).register.label).toBe('Needs attention (2)');
    expect(stepStates(view({ checklistDone: required.slice(1), draft: draft(ids) }), []).register.label).toBe(
      'Needs attention (1)',
    );
    expect(stepStates(view({ checklistDone: required, draft: draft(ids) }), [error('tenant')]).register.label).toBe(
      'Needs attention (1)',
    );
    expect(stepStates(view({ checklistDone: required, draft: draft(ids) }), []).register.label).toBe('Done');
    // Ticks of items only the Workbench's tests need are not required.
    expect(stepStates(view({ checklistDone: [...required, 'redirect'], draft: draft(ids) }), []).register.state).toBe(
      'done',
    );
  });

  it('the credential, scopes and details steps count the errors on their fields', () => {
    expect(stepStates(view({ done: ['credential'] }), []).credential.label).toBe('Needs attention (1)');
    const held = view({}, { secrets: { clientSecret: 'held', certificate: 'missing' } });
    expect(stepStates(held, []).credential.label).toBe('Done');
    expect(stepStates(held, [error('secretExpiresAt')]).credential.label).toBe('Needs attention (1)');
    expect(stepStates(view({ done: ['scopes'] }), [error('scopes'), error('appOnlyPermissions')]).scopes.label).toBe(
      'Needs attention (2)',
    );
    expect(stepStates(view({ done: ['scopes'] }), []).scopes.label).toBe('Done');
    expect(stepStates(view({ profileId: 'p' }), []).details.label).toBe('Done');
    expect(stepStates(view({ profileId: 'p' }), [error('tenant'), error('clientId')]).details.label).toBe(
      'Needs attention (2)',
    );
  });

  it('verify: Done only without errors; Needs attention (n) with them; Skipped when passed by; stale after an edit', () => {
    expect(
      stepStates(
        view({ profileId: 'p' }, { status: statusWith([], { at: '2026-01-12T00:00:00.000Z', errors: 3 }) }),
        [],
      ).verify.label,
    ).toBe('Needs attention (3)');
    expect(
      stepStates(
        view({ profileId: 'p' }, { status: statusWith([], { at: '2026-01-12T00:00:00.000Z', errors: 0 }) }),
        [],
      ).verify.label,
    ).toBe('Done');
    expect(
      stepStates(view({ profileId: 'p', verifySkipped: true }, { status: statusWith([], null) }), []).verify.label,
    ).toBe('Skipped');
    expect(stepStates(view({ profileId: 'p' }, { status: statusWith([], null) }), []).verify.label).toBe('Not started');
    expect(
      stepStates(
        view({ profileId: 'p' }, { status: statusWith([], { at: '2026-01-09T00:00:00.000Z', errors: 0 }) }),
        [],
      ).verify.label,
    ).toBe('Needs attention (1)');
  });

  it('test: Done only when the last test passed after the last edit; Skipped when passed by untested', () => {
    const s = (history: SigninHistoryEntry[], updatedAt?: string) =>
      stepStates(view({ profileId: 'p', done: ['test'] }, { status: statusWith(history, null, updatedAt) }), []).test
        .label;
    expect(s([])).toBe('Skipped');
    expect(s([run('2026-01-12T00:00:00.000Z', false)])).toBe('Needs attention (1)');
    expect(s([run('2026-01-12T00:00:00.000Z', true)])).toBe('Done');
    expect(s([run('2026-01-12T00:00:00.000Z', true)], '2026-01-13T00:00:00.000Z')).toBe('Needs attention (1)');
    expect(stepStates(view({ profileId: 'p' }, { status: statusWith([], null) }), []).test.label).toBe('Not started');
  });

  it('finish: Needs attention with the number of unproven things, Done when all is proven', () => {
    expect(
      stepStates(view({ step: 'finish', profileId: 'p' }, { status: statusWith([], null) }), []).finish.label,
    ).toBe('Needs attention (2)');
    expect(
      stepStates(
        view(
          { step: 'finish', profileId: 'p' },
          {
            status: statusWith([run('2026-01-12T00:00:00.000Z', true)], { at: '2026-01-11T00:00:00.000Z', errors: 0 }),
          },
        ),
        [],
      ).finish.label,
    ).toBe('Done');
    expect(stepStates(view({ step: 'finish' }), []).finish.label).toBe('Needs attention (1)');
  });
});
