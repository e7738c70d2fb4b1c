import type { Settings } from '../../shared/settings';
import { AboutPage } from '../pages/about/about-page';
import { ConnectionsPage } from '../pages/connections/connections-page';
import { HelpPage } from '../pages/help/help-page';
import { CertificatesPage } from '../pages/certificates/certificates-page';
import { pages } from '../pages/registry';
import { ScopesPage } from '../pages/scopes/scopes-page';
import { SettingsPage } from '../pages/settings/settings-page';
import { SigninPage } from '../pages/signin/signin-page';
import { StartPage } from '../pages/start/start-page';
import { VerifyPage } from '../pages/verify/verify-page';
import { WizardPage } from '../pages/wizard/wizard-page';

/** Renders the page with the given id. */
export function PageView({ page, query, go, onSettingsChanged }: { page: string; query: string; go: (target: string) => void; onSettingsChanged: (s: Settings) => void }) {
  switch (page) {
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
    default:
      return <StartPage pages={pages} go={go} />;
  }
}
