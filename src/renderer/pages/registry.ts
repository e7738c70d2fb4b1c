import type { FluentIcon } from '@fluentui/react-icons';
import type { PageId } from '../../shared/routes';
import {
  AddCircleRegular,
  CertificateRegular,
  HomeRegular,
  InfoRegular,
  KeyMultipleRegular,
  ListRegular,
  PersonKeyRegular,
  QuestionCircleRegular,
  SettingsRegular,
  ShieldCheckmarkRegular,
} from '@fluentui/react-icons';

/** One page in the navigation. */
export interface PageDefinition {
  id: PageId;
  label: string;
  summary: string;
  icon: FluentIcon;
  /** Shown below a separator at the end of the navigation. */
  footer?: boolean;
}

/** Every page, in navigation order. Features add their page here, to PageId (src/shared/routes.ts) and in app/page-view.tsx. */
export const pages: PageDefinition[] = [
  {
    id: 'start',
    label: 'Start',
    summary: 'Your connections at a glance: their status, the next expiries and the last tests.',
    icon: HomeRegular,
  },
  {
    id: 'wizard',
    label: 'New connection',
    summary:
      'A guided setup: choose the option, register the app with the exact values, add the certificate or secret and scopes, test the sign-in, and export the connection record.',
    icon: AddCircleRegular,
  },
  {
    id: 'connections',
    label: 'Connections',
    summary: 'Profiles for the three authentication options, connection sheets to copy from, and expiry reminders.',
    icon: KeyMultipleRegular,
  },
  {
    id: 'signin',
    label: 'Sign-in tests',
    summary:
      'Prove a profile works: delegated sign-in, app-only token, admin consent, check connection and a Graph probe, with the permissions the tokens carry.',
    icon: PersonKeyRegular,
  },
  {
    id: 'scopes',
    label: 'Scopes',
    summary: 'The Microsoft Graph permissions each option needs: checklists, search, scope string and manifest JSON.',
    icon: ListRegular,
  },
  {
    id: 'certificates',
    label: 'Certificates',
    summary: 'Open a PFX and copy its base64, check pasted base64, generate and export certificates.',
    icon: CertificateRegular,
  },
  {
    id: 'verify',
    label: 'Verify',
    summary:
      'Check an app registration’s manifest against a connection profile and certificate, offline: findings with fixes, reports for change tickets.',
    icon: ShieldCheckmarkRegular,
  },
  {
    id: 'help',
    label: 'Help',
    summary:
      'AADSTS error codes by number or words, with what they mean and how to fix them; how the three options differ.',
    icon: QuestionCircleRegular,
    footer: true,
  },
  {
    id: 'settings',
    label: 'Settings',
    summary: 'Theme, default cloud, clipboard clearing and the default folder.',
    icon: SettingsRegular,
    footer: true,
  },
  {
    id: 'about',
    label: 'About',
    summary: 'Versions, secret storage and where data is kept.',
    icon: InfoRegular,
    footer: true,
  },
];
