import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { confirmUnload, unloadQuestion } from '../../../src/main/unload';

function unloadHeldBack(answer: boolean) {
  const contents = new EventEmitter();
  const ask = vi.fn(() => answer);
  confirmUnload(contents as never, ask);
  const event = { preventDefault: vi.fn() };
  contents.emit('will-prevent-unload', event);
  return { ask, letGo: event.preventDefault.mock.calls.length > 0 };
}

describe('closing or reloading with unsaved changes', () => {
  it('asks the admin, and lets the window close or reload when they choose to leave', () => {
    const { ask, letGo } = unloadHeldBack(true);
    expect(ask).toHaveBeenCalledOnce();
    expect(letGo).toBe(true);
  });

  it('keeps the window and what was typed when they choose to stay', () => {
    expect(unloadHeldBack(false).letGo).toBe(false);
  });

  it('offers the same two choices as the in-app dialog, with Stay as the default and the Escape answer', () => {
    expect(unloadQuestion.buttons).toEqual(['Leave and discard changes', 'Stay and keep editing']);
    expect(unloadQuestion.defaultId).toBe(1);
    expect(unloadQuestion.cancelId).toBe(1);
  });
});
