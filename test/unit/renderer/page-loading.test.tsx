// @vitest-environment jsdom
// While a page's code loads, and when it cannot: a quiet moment then a status line (no motion); a failed load is said
// in the page with a reload; the next page tries again; a page's own error is not dressed up as a failed load.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageLoadBoundary, PageLoadError, PageLoading } from '../../../src/renderer/app/page-loading';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Throws({ error }: { error: Error }): never {
  throw error;
}

describe('PageLoading', () => {
  it('shows nothing at first, then says the page is opening', () => {
    vi.useFakeTimers();
    render(<PageLoading />);
    expect(screen.queryByRole('status')).toBeNull();
    act(() => {
      vi.advanceTimersByTime(400);
    });
    expect(screen.getByRole('status').textContent).toBe('Opening the page…');
  });
});

describe('PageLoadBoundary', () => {
  it('says a page whose code did not load could not be opened, and lets the next page try', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failed = new PageLoadError(
      new TypeError('Failed to fetch dynamically imported module: /assets/help-page.js'),
    );
    const { rerender } = render(
      <PageLoadBoundary resetKey="help">
        <Throws error={failed} />
      </PageLoadBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('This page could not be opened');
    expect(screen.getByRole('alert').textContent).toContain('Failed to fetch dynamically imported module');
    expect(screen.getByRole('button', { name: 'Reload the app' })).toBeTruthy();
    rerender(
      <PageLoadBoundary resetKey="about">
        <p>About</p>
      </PageLoadBoundary>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('About')).toBeTruthy();
  });

  it('passes a page’s own error on instead of calling it a failed load', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() =>
      render(
        <PageLoadBoundary resetKey="help">
          <Throws error={new Error('a bug in the page')} />
        </PageLoadBoundary>,
      ),
    ).toThrow('a bug in the page');
  });
});
