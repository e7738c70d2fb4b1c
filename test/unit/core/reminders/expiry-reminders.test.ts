import { describe, expect, it } from 'vitest';
import { ManualTimers } from '../../../support/doubles';
import { createTestHost } from '../../../support/test-context';

const clientId = '11111111-2222-3333-4444-555555555555';

function hostAt(day: string, dataDirectory?: string) {
  const clock = { now: new Date(`${day}T09:00:00Z`) };
  const timers = new ManualTimers();
  const host = createTestHost({ timers, now: () => clock.now, ...(dataDirectory ? { dataDirectory } : {}) });
  return { host, clock, timers };
}

function addProfile(host: ReturnType<typeof createTestHost>, name: string, secretExpiresAt: string) {
  const r = host.ctx.profiles.create({
    auth: 'client-credentials',
    name,
    clientId,
    tenant: 'contoso.onmicrosoft.com',
    scopes: ['Files.Read'],
    secretExpiresAt,
    secrets: { clientSecret: 'Zq8~secret-value-1234567890' },
  } as never);
  return r.entry.id;
}

describe('expiry reminders', () => {
  it('notifies once per day for secrets within 30 days, with an action that opens the profile', () => {
    const { host, clock, timers } = hostAt('2026-11-29');
    const id = addProfile(host, 'Finance flows', '2026-12-05T00:00:00Z');
    addProfile(host, 'Fine', '2027-06-01T00:00:00Z');
    host.ctx.reminders.start();
    expect(host.notifier.shown).toHaveLength(1);
    expect(host.notifier.shown[0]!.title).toBe('Client secret of Finance flows expires in 5 days');
    host.notifier.shown[0]!.onClick?.();
    expect(host.events.at(-1)).toEqual({ name: 'app.navigate', payload: { page: `#/connections?edit=${id}` } });

    host.ctx.reminders.check();
    expect(host.notifier.shown).toHaveLength(1);

    clock.now = new Date('2026-11-30T09:00:00Z');
    timers.fireAll();
    expect(host.notifier.shown).toHaveLength(2);
    expect(host.notifier.shown[1]!.title).toContain('expires in 4 days');
    host.ctx.reminders.stop();
  });

  it('does not repeat on a restart the same day', () => {
    const first = hostAt('2026-11-29');
    addProfile(first.host, 'Finance flows', '2026-12-05T00:00:00Z');
    first.host.ctx.reminders.check();
    const second = hostAt('2026-11-29', first.host.dataDirectory);
    expect(second.host.ctx.reminders.check()).toBe(0);
    expect(second.host.notifier.shown).toHaveLength(0);
  });

  it('folds many reminders into one summary that opens the expiry list, expired ones included', () => {
    const { host } = hostAt('2026-11-29');
    for (const [i, day] of ['2026-11-01', '2026-12-01', '2026-12-02', '2026-12-20'].entries())
      addProfile(host, `P${i}`, `${day}T00:00:00Z`);
    expect(host.ctx.reminders.check()).toBe(4);
    expect(host.notifier.shown).toHaveLength(1);
    expect(host.notifier.shown[0]!.title).toBe('4 certificates or secrets need renewing');
    expect(host.notifier.shown[0]!.body).toContain('1 has expired');
    host.notifier.shown[0]!.onClick?.();
    expect(host.events.at(-1)).toEqual({ name: 'app.navigate', payload: { page: '#/connections' } });
  });

  it('stays quiet when nothing expires within 30 days', () => {
    const { host } = hostAt('2026-11-29');
    addProfile(host, 'Fine', '2027-06-01T00:00:00Z');
    expect(host.ctx.reminders.check()).toBe(0);
  });
});
