// The error box a failed start-up shows: what failed, where the data folder is, and what to check.
import { describe, expect, it } from 'vitest';
import { startupFailureMessage } from '../../../src/main/startup-failure';

describe('startupFailureMessage', () => {
  it('names the error and the data folder, and says what to check', () => {
    const { title, content } = startupFailureMessage(
      new Error("EACCES: permission denied, open '/home/ada/.config/gcw/settings.json'"),
      '/home/ada/.config/gcw',
    );
    expect(title).toBe('Graph Connection Workbench could not start');
    expect(content).toContain("EACCES: permission denied, open '/home/ada/.config/gcw/settings.json'");
    expect(content).toContain('/home/ada/.config/gcw');
    expect(content).toMatch(/write to it/);
    expect(content).toMatch(/start the app again/);
  });

  it('works without a data folder and with a thrown non-Error', () => {
    const { content } = startupFailureMessage('locked', null);
    expect(content.startsWith('locked\n\n')).toBe(true);
    expect(content).not.toContain('keeps its settings');
  });
});
