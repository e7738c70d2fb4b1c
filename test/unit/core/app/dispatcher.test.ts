import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../src/core/app/dispatcher';
import { createHandlers } from '../../../../src/core/app/handlers';
import { createTestHost } from '../../../support/test-context';

describe('dispatcher', () => {
  const host = createTestHost();
  const records: unknown[] = [];
  const dispatcher = createDispatcher(createHandlers(host.ctx), { log: host.ctx.log, onCall: (r) => records.push(r) });

  it('refuses an unknown method with a typed error', async () => {
    const result = await dispatcher.call('nope.method', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.unknown_method' } });
  });

  it('refuses invalid input with a typed error that names the field', async () => {
    const result = await dispatcher.call('settings.update', { clipboardClearSeconds: 'soon' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('ipc.invalid_input');
      expect(result.error.message).toContain('clipboardClearSeconds');
    }
  });

  it('refuses unknown fields rather than ignoring them', async () => {
    const result = await dispatcher.call('settings.update', { theme: 'dark', sneaky: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalid_input' } });
  });

  it('runs a valid call and records it', async () => {
    const result = await dispatcher.call('settings.update', { theme: 'dark' });
    expect(result).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(records.length).toBeGreaterThan(0);
  });

  it('turns a link outside the allowlist into external.not_allowed and opens nothing', async () => {
    const result = await dispatcher.call('app.openLink', { url: 'https://evil.example.com/login' });
    expect(result).toMatchObject({ ok: false, error: { code: 'external.not_allowed' } });
    expect(host.shell.opened).toEqual([]);
  });

  it('opens an allowlisted sign-in link', async () => {
    const result = await dispatcher.call('app.openLink', {
      url: 'https://login.microsoftonline.us/contoso.onmicrosoft.us/v2.0/adminconsent',
    });
    expect(result).toMatchObject({ ok: true });
    expect(host.shell.opened).toHaveLength(1);
  });

  it('app.openLink hands the OS the parsed href, not the string the page sent; another port is refused with what to do', async () => {
    const before = host.shell.opened.length;
    expect(
      await dispatcher.call('app.openLink', { url: 'https://login.microsoftonline.com\\@evil.example/' }),
    ).toMatchObject({ ok: true });
    expect(host.shell.opened.slice(before)).toEqual(['https://login.microsoftonline.com/@evil.example/']);
    const port = await dispatcher.call('app.openLink', { url: 'https://login.microsoftonline.com:444/common' });
    expect(port).toMatchObject({
      ok: false,
      error: {
        code: 'external.not_allowed',
        message: expect.stringContaining('port 444'),
        hint: expect.stringContaining('Copy the address'),
      },
    });
    expect(host.shell.opened).toHaveLength(before + 1);
  });

  it('hides unexpected exceptions behind internal.unexpected and logs them', async () => {
    const broken = createDispatcher(
      {
        ...createHandlers(host.ctx),
        'settings.get': () => {
          throw new Error('boom');
        },
      },
      { log: host.ctx.log },
    );
    const result = await broken.call('settings.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal.unexpected' } });
    // It cannot know that nothing was changed (the failure may come after a write), so it does not say so.
    expect(!result.ok && result.error.message).toContain('cannot tell how far the action got');
    expect(!result.ok && result.error.message).not.toContain('Nothing was changed');
    expect(host.logLines.some((l) => l.includes('boom'))).toBe(true);
  });
});
