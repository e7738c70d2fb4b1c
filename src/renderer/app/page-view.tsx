import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import type { Href } from '../../shared/routes';
import type { Settings } from '../../shared/settings';
import { pages } from '../pages/registry';
import type { Route } from './use-route';

// Each page is its own chunk, loaded when first opened: the first chunk holds only the frame (navigation, notices).
const AboutPage = lazy(() => import('../pages/about/about-page').then((m) => ({ default: m.AboutPage })));
const CertificatesPage = lazy(() => import('../pages/certificates/certificates-page').then((m) => ({ default: m.CertificatesPage })));
const ConnectionsPage = lazy(() => import('../pages/connections/connections-page').then((m) => ({ default: m.ConnectionsPage })));
const HelpPage = lazy(() => import('../pages/help/help-page').then((m) => ({ default: m.HelpPage })));
const NotFoundPage = lazy(() => import('../pages/not-found/not-found-page').then((m) => ({ default: m.NotFoundPage })));
const ScopesPage = lazy(() => import('../pages/scopes/scopes-page').then((m) => ({ default: m.ScopesPage })));
const SettingsPage = lazy(() => import('../pages/settings/settings-page').then((m) => ({ default: m.SettingsPage })));
const SigninPage = lazy(() => import('../pages/signin/signin-page').then((m) => ({ default: m.SigninPage })));
const StartPage = lazy(() => import('../pages/start/start-page').then((m) => ({ default: m.StartPage })));
const VerifyPage = lazy(() => import('../pages/verify/verify-page').then((m) => ({ default: m.VerifyPage })));
const WizardPage = lazy(() => import('../pages/wizard/wizard-page').then((m) => ({ default: m.WizardPage })));

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
    <Suspense fallback={<Spinner size="small" label="Opening the page…" />}>
      <Page {...props} />
    </Suspense>
  );
}
