import { lazy, Suspense, type ComponentType } from 'react';
import type { Href } from '../../shared/routes';
import type { Settings } from '../../shared/settings';
import { pages } from '../pages/registry';
import { PageLoadBoundary, PageLoadError, PageLoading } from './page-loading';
import type { Route } from './use-route';

/** A page as its own chunk, loaded when first shown; a failed load is a PageLoadError (PageLoadBoundary says so). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each page has its own props; the switch below passes them typed
function lazyPage<P extends ComponentType<any>>(load: () => Promise<P>) {
  return lazy(() =>
    load().then(
      (page) => ({ default: page }),
      (error: unknown) => Promise.reject(new PageLoadError(error)),
    ),
  );
}

// Each page is its own chunk, loaded when first opened: the first chunk holds only the frame (navigation, notices).
const AboutPage = lazyPage(() => import('../pages/about/about-page').then((m) => m.AboutPage));
const CertificatesPage = lazyPage(() =>
  import('../pages/certificates/certificates-page').then((m) => m.CertificatesPage),
);
const ConnectionsPage = lazyPage(() => import('../pages/connections/connections-page').then((m) => m.ConnectionsPage));
const HelpPage = lazyPage(() => import('../pages/help/help-page').then((m) => m.HelpPage));
const NotFoundPage = lazyPage(() => import('../pages/not-found/not-found-page').then((m) => m.NotFoundPage));
const ScopesPage = lazyPage(() => import('../pages/scopes/scopes-page').then((m) => m.ScopesPage));
const SettingsPage = lazyPage(() => import('../pages/settings/settings-page').then((m) => m.SettingsPage));
const SigninPage = lazyPage(() => import('../pages/signin/signin-page').then((m) => m.SigninPage));
const StartPage = lazyPage(() => import('../pages/start/start-page').then((m) => m.StartPage));
const VerifyPage = lazyPage(() => import('../pages/verify/verify-page').then((m) => m.VerifyPage));
const WizardPage = lazyPage(() => import('../pages/wizard/wizard-page').then((m) => m.WizardPage));

interface Props {
  route: Route;
  go: (to: Href) => void;
  onSettingsChanged: (s: Settings) => void;
}

function Page({ route: { page, written, query }, go, onSettingsChanged }: Props) {
  switch (page) {
    case 'start':
      return <StartPage pages={pages} go={go} />;
    case 'wizard':
      return <WizardPage go={go} />;
    case 'help':
      return <HelpPage query={query} go={go} />;
    case 'connections':
      return <ConnectionsPage query={query} go={go} />;
    case 'scopes':
      return <ScopesPage query={query} go={go} />;
    case 'certificates':
      return <CertificatesPage />;
    case 'verify':
      return <VerifyPage query={query} />;
    case 'signin':
      return <SigninPage query={query} go={go} />;
    case 'settings':
      return <SettingsPage onSettingsChanged={onSettingsChanged} />;
    case 'about':
      return <AboutPage />;
    case null:
      return <NotFoundPage written={written} go={go} />;
  }
}

/** Renders the route's page (its code loads the first time it is shown), or "Page not found" for an unknown one. */
export function PageView(props: Props) {
  return (
    <PageLoadBoundary resetKey={props.route.page ?? props.route.written}>
      <Suspense fallback={<PageLoading />}>
        <Page {...props} />
      </Suspense>
    </PageLoadBoundary>
  );
}
