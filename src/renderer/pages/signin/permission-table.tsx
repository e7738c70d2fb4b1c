import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { PermissionComparison } from '../../../shared/signin';

type Status = 'granted' | 'missing' | 'extra';

const BADGE: Record<Status, { color: 'success' | 'danger' | 'warning'; label: string; help: string }> = {
  granted: { color: 'success', label: 'Granted', help: 'Required and in the token.' },
  missing: {
    color: 'danger',
    label: 'Missing',
    help: 'Required but not in the token: add it under API permissions and grant consent.',
  },
  extra: {
    color: 'warning',
    label: 'Extra',
    help: 'In the token but not required: consider removing it (least privilege).',
  },
};

/** Granted vs the profile's required permissions, side by side: missing first, then granted, then extra. */
export function PermissionTable({ permissions }: { permissions: PermissionComparison }) {
  const granted = new Set(permissions.granted.map((p) => p.toLowerCase()));
  const rows: Array<{ name: string; required: boolean; inToken: boolean; status: Status }> = [
    ...permissions.missing.map((name) => ({ name, required: true, inToken: false, status: 'missing' as const })),
    ...permissions.required
      .filter((p) => granted.has(p.toLowerCase()))
      .map((name) => ({ name, required: true, inToken: true, status: 'granted' as const })),
    ...permissions.extra.map((name) => ({ name, required: false, inToken: true, status: 'extra' as const })),
  ];
  const kind = permissions.kind === 'application' ? 'application permissions (roles)' : 'delegated permissions (scp)';
  if (rows.length === 0) return <Text>The token carries no {kind}, and the profile lists none.</Text>;
  return (
    <Table aria-label={`Required and granted ${kind}`} size="small" data-testid="permission-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Permission</TableHeaderCell>
          <TableHeaderCell>Required by the profile</TableHeaderCell>
          <TableHeaderCell>In the token</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={`${r.status}-${r.name}`} data-permission={r.name} data-status={r.status}>
            <TableCell>{r.name}</TableCell>
            <TableCell>{r.required ? 'Yes' : 'No'}</TableCell>
            <TableCell>{r.inToken ? 'Yes' : 'No'}</TableCell>
            <TableCell>
              <Badge appearance="tint" color={BADGE[r.status].color} title={BADGE[r.status].help}>
                {BADGE[r.status].label}
              </Badge>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
