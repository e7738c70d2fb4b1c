import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';

let focusRequested = false;

/** Ask the next page heading that appears to take focus (after a navigation, not on first load). */
export function requestHeadingFocus(): void {
  focusRequested = true;
}

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px', minWidth: 0 },
  wide: { maxWidth: '1400px' },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** A page with its heading (h1, focused on navigation) and a one-line description; `wide` for consoles (grids). */
export function Page({
  title,
  description,
  children,
  wide = false,
}: {
  title: string;
  description?: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusRequested) return;
    focusRequested = false;
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section className={mergeClasses(styles.page, wide && styles.wide)} aria-labelledby="page-title">
      <header className={styles.header}>
        <Text as="h1" size={700} weight="semibold" id="page-title" tabIndex={-1} ref={heading}>
          {title}
        </Text>
        {description ? <Text as="p">{description}</Text> : null}
      </header>
      {children}
    </section>
  );
}
