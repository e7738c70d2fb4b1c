import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components';
import { Component, useEffect, useState, type ReactNode } from 'react';

/** While a page's code loads: nothing for the first moment (it is usually there at once), then a line saying so. No motion. */
export function PageLoading() {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setSlow(true), 400);
    return () => window.clearTimeout(timer);
  }, []);
  return slow ? (
    <Text as="p" role="status">
      Opening the page…
    </Text>
  ) : null;
}

/** A page's code could not be fetched (not an error of the page itself). */
export class PageLoadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'PageLoadError';
  }
}

/**
 * When a page's code cannot be loaded (in a browser tab: gcw ui was stopped, or the connection dropped), say so in the
 * page, keep the frame usable, and offer to try again; a new route (`resetKey`) tries again too.
 */
export class PageLoadBoundary extends Component<
  { resetKey: string; children: ReactNode },
  { failed: Error | null; key: string }
> {
  override state: { failed: Error | null; key: string } = { failed: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { failed: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { failed: Error | null; key: string }) {
    return props.resetKey === state.key ? null : { failed: null, key: props.resetKey };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    // Anything but a failed load is the page's own error: passed on as before (this boundary is not for hiding bugs).
    if (!(this.state.failed instanceof PageLoadError)) throw this.state.failed;
    return (
      <MessageBar intent="error" role="alert" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This page could not be opened</MessageBarTitle>
          Its code did not load ({this.state.failed.message}). If the Workbench runs in a browser tab, check that gcw ui
          is still running. Nothing was changed.
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => window.location.reload()}>Reload the app</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
