import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { authKinds, authLabels, type AuthKind } from '../../../shared/connections';

const useStyles = makeStyles({
  label: { fontWeight: tokens.fontWeightSemibold, width: '200px', verticalAlign: 'top' },
  cell: {
    verticalAlign: 'top',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
  },
});

const rows: Array<[string, Record<AuthKind, string>]> = [
  [
    'Who signs in',
    {
      certificate: 'One service account, named by its UPN.',
      'client-credentials': 'One service account; the app proves itself with a secret.',
      'byo-app': 'Each person, in the browser, through your own app registration.',
    },
  ],
  [
    'How the app proves itself',
    {
      certificate:
        'A certificate: the PFX (with its private key) and its password on the connection page; the .cer on the app registration.',
      'client-credentials': 'A client secret (its Value, not its Secret ID).',
      'byo-app': 'A client secret.',
    },
  ],
  [
    'Redirect URI',
    {
      certificate: 'None for the connection; http://localhost (Web) only for the Workbench’s sign-in test.',
      'client-credentials': 'None for the connection; http://localhost (Web) only for the Workbench’s sign-in test.',
      'byo-app':
        'https://{your domain}/provisioning_/callback under Web — plus http://localhost for the Workbench’s test.',
    },
  ],
  [
    'What expires',
    {
      certificate: 'The certificate (1 to 3 years when generated here).',
      'client-credentials': 'The secret (at most 24 months).',
      'byo-app': 'The secret (at most 24 months).',
    },
  ],
  [
    'App-only test',
    {
      certificate: 'Yes, with the certificate (application permissions, admin consent, a named tenant).',
      'client-credentials': 'Yes, with the secret (application permissions, admin consent, a named tenant).',
      'byo-app': 'No: it always signs a person in. Admin consent can still be granted for everyone.',
    },
  ],
  [
    'Choose it when',
    {
      certificate: 'An unattended robot needs a long-lived, strong credential.',
      'client-credentials': 'An unattended robot and a quick setup matter more than renewing the secret.',
      'byo-app': 'People connect with their own accounts and you control the app registration.',
    },
  ],
];

/** How the three authentication options differ, side by side. */
export function OptionComparison() {
  const styles = useStyles();
  return (
    <Table aria-label="How the three options differ" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.label}>Question</TableHeaderCell>
          {authKinds.map((k) => (
            <TableHeaderCell key={k}>{authLabels[k]}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(([label, values]) => (
          <TableRow key={label}>
            <TableCell className={styles.label}>{label}</TableCell>
            {authKinds.map((k) => (
              <TableCell key={k} className={styles.cell}>
                <Text>{values[k]}</Text>
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
