import {
  Button,
  Divider,
  FluentProvider,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { asHref, href } from '../../shared/routes';
import type { Settings } from '../../shared/settings';
import { pages } from '../pages/registry';
import { NARROW_QUERY, useMediaQuery } from '../lib/use-media';
import { workbench } from '../lib/workbench';
import { Notices } from './notices';
import { PageView } from './page-view';
import { useRoute } from './use-route';
import { useTheme } from './use-theme';

// Loaded the first time a page holds a navigation back (Fluent's Dialog stays out of the first chunk).
const LeaveDialog = lazy(() => import('./leave-dialog').then((m) => ({ default: m.LeaveDialog })));

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: '232px minmax(0, 1fr)',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  rootNarrow: { gridTemplateColumns: '60px minmax(0, 1fr)' },
  nav: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowY: 'auto',
  },
  brand: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, marginBottom: tokens.spacingVerticalS },
  navButton: { justifyContent: 'flex-start', width: '100%' },
  navIcon: { justifyContent: 'center', width: '100%', minWidth: 0, paddingLeft: 0, paddingRight: 0 },
  navNarrow: { paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS, alignItems: 'stretch' },
  spacer: { flexGrow: 1 },
  divider: { flexGrow: 0 },
  main: {
    overflowY: 'auto',
    minWidth: 0,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  skip: {
    position: 'absolute',
    left: '-10000px',
    top: 'auto',
    ':focus': {
      left: tokens.spacingHorizontalM,
      top: tokens.spacingVerticalM,
      zIndex: 10,
      padding: tokens.spacingHorizontalS,
      backgroundColor: tokens.colorNeutralBackground1,
    },
  },
});

/** The app frame: navigation, notices and the current page, themed from the settings and the OS. */
export function App() {
  const styles = useStyles();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [route, go, pendingLeave] = useRoute();
  const page = route.page;
  const theme = useTheme(settings?.theme ?? 'system');
  const mainRef = useRef<HTMLElement>(null);
  const narrow = useMediaQuery(NARROW_QUERY);
  // Mounted from the first held navigation on, so it can animate closed (and its code is fetched only then).
  const [leaveAsked, setLeaveAsked] = useState(false);
  if (pendingLeave && !leaveAsked) setLeaveAsked(true);

  useEffect(() => {
    void workbench()
      .settings.get({})
      .then((r) => r.ok && setSettings(r.value));
    return workbench().onEvent('app.navigate', ({ page: target }) => go(asHref(target)));
  }, [go]);

  useEffect(() => {
    document.title = `${page === null ? 'Page not found' : (pages.find((p) => p.id === page)?.label ?? 'Start')} — Graph Connection Workbench`;
  }, [page]);

  const navItem = (p: (typeof pages)[number]) => {
    const Icon = p.icon;
    const shared = {
      appearance: p.id === page ? ('primary' as const) : ('subtle' as const),
      icon: <Icon />,
      'aria-current': p.id === page ? ('page' as const) : undefined,
      onClick: () => go(href(p.id)),
    };
    // Below ~1100 px the navigation shows icons only: the page's name is the button's name and its tooltip.
    return narrow ? (
      <Tooltip key={p.id} content={p.label} relationship="label" positioning="after">
        <Button className={styles.navIcon} {...shared} />
      </Tooltip>
    ) : (
      <Button key={p.id} className={styles.navButton} {...shared}>
        {p.label}
      </Button>
    );
  };

  return (
    <FluentProvider theme={theme}>
      <a
        href="#main"
        className={styles.skip}
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to content
      </a>
      <div
        className={mergeClasses(styles.root, narrow && styles.rootNarrow)}
        data-app-state={settings ? 'loaded' : 'loading'}
        data-layout={narrow ? 'narrow' : 'wide'}
      >
        <nav className={mergeClasses(styles.nav, narrow && styles.navNarrow)} aria-label="Pages">
          {narrow ? null : (
            <Text className={styles.brand} weight="semibold" size={400}>
              Graph Connection Workbench
            </Text>
          )}
          {pages.filter((p) => !p.footer).map(navItem)}
          <div className={styles.spacer} />
          <Divider className={styles.divider} />
          {pages.filter((p) => p.footer).map(navItem)}
        </nav>
        <main id="main" className={styles.main} ref={mainRef} tabIndex={-1}>
          <Notices />
          <PageView route={route} go={go} onSettingsChanged={setSettings} />
        </main>
      </div>
      {leaveAsked ? (
        <Suspense fallback={null}>
          <LeaveDialog pending={pendingLeave} />
        </Suspense>
      ) : null}
    </FluentProvider>
  );
}
