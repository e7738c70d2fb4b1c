import type { Settings } from '../../shared/settings';
import { AboutPage } from '../pages/about/about-page';
import { CertificatesPage } from '../pages/certificates/certificates-page';
import { pages } from '../pages/registry';
import { SettingsPage } from '../pages/settings/settings-page';
import { StartPage } from '../pages/start/start-page';

/** Renders the page with the given id. */
export function PageView({ page, go, onSettingsChanged }: { page: string; go: (id: string) => void; onSettingsChanged: (s: Settings) => void }) {
  switch (page) {
    case 'certificates':
      return <CertificatesPage />;
    case 'settings':
      return <SettingsPage onSettingsChanged={onSettingsChanged} />;
    case 'about':
      return <AboutPage />;
    default:
      return <StartPage pages={pages} go={go} />;
  }
}
