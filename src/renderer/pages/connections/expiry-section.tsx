import {
  Badge,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { ExpiryRow } from '../../../shared/connections';
import { formatDate } from '../../lib/dates';

const statusText: Record<ExpiryRow['status'], { text: string; color: 'success' | 'warning' | 'danger' }> = {
  ok: { text: 'OK', color: 'success' },
  'within-30-days': { text: 'Within 30 days', color: 'warning' },
  'within-7-days': { text: 'Within 7 days', color: 'danger' },
  expired: { text: 'Expired', color: 'danger' },
};

/** A row's sentence with its date in the app's one date format. */
export function expiryText(r: ExpiryRow): string {
  const subject =
    r.what === 'certificate' ? 'The certificate' : r.auth === 'certificate' ? 'The secret' : 'The client secret';
  const when = formatDate(r.expiresAt);
  if (r.status === 'expired') return `${subject} expired on ${when}.`;
  if (r.status === 'ok') return `${subject} is valid until ${when}.`;
  return `${subject} expires in ${r.daysLeft} day${r.daysLeft === 1 ? '' : 's'} (${when}).`;
}

/** Certificate and secret expiry of every profile, soonest first. */
export function ExpirySection({ rows, open }: { rows: ExpiryRow[]; open: (profileId: string) => void }) {
  return (
    <section aria-labelledby="expiry-title">
      <Text as="h2" size={500} weight="semibold" id="expiry-title" block>
        Expiry
      </Text>
      {rows.length === 0 ? (
        <Text as="p" block>
          No certificate or secret expiry dates are recorded. Add the client secret’s expiry date to a profile to be
          warned 30 and 7 days before.
        </Text>
      ) : (
        <Table aria-labelledby="expiry-title" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Profile</TableHeaderCell>
              <TableHeaderCell>What</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Details</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={`${r.profileId}:${r.what}`}>
                <TableCell>
                  <Link as="button" onClick={() => open(r.profileId)}>
                    {r.profileName}
                  </Link>
                </TableCell>
                <TableCell>{r.what === 'certificate' ? 'Certificate' : 'Secret'}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={statusText[r.status].color}>
                    {statusText[r.status].text}
                  </Badge>
                </TableCell>
                <TableCell>{expiryText(r)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
