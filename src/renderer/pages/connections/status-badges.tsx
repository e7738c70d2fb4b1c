import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { ProfileListItem } from '../../../shared/contract/profiles';

const useStyles = makeStyles({
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

/** The list's status badges: errors, warnings, missing or unreadable secrets, expiry, newer-version or damaged entries. */
export function StatusBadges({ item }: { item: ProfileListItem }) {
  const styles = useStyles();
  const { entry } = item;
  const missing = Object.values(entry.secrets).filter((s) => s === 'missing').length;
  const badges: Array<{ key: string; text: string; color: 'danger' | 'warning' | 'informative' | 'success' }> = [];
  if (entry.status === 'newer-version') badges.push({ key: 'newer', text: 'Newer version', color: 'informative' });
  if (entry.status === 'damaged') badges.push({ key: 'damaged', text: 'Damaged', color: 'danger' });
  if (item.errors > 0) badges.push({ key: 'errors', text: `${item.errors} error${item.errors === 1 ? '' : 's'}`, color: 'danger' });
  if (item.warnings > 0) badges.push({ key: 'warnings', text: `${item.warnings} warning${item.warnings === 1 ? '' : 's'}`, color: 'warning' });
  if (entry.secretsUnreadable) badges.push({ key: 'unreadable', text: 'Secret unreadable', color: 'danger' });
  if (missing > 0) badges.push({ key: 'missing', text: missing === 1 ? 'Secret missing' : `${missing} secrets missing`, color: 'warning' });
  if (item.expiry) {
    badges.push({ key: 'expiry', text: item.expiry.status === 'expired' ? 'Expired' : item.expiry.status === 'within-7-days' ? 'Expires within 7 days' : 'Expires within 30 days', color: item.expiry.status === 'within-30-days' ? 'warning' : 'danger' });
  }
  if (badges.length === 0) badges.push({ key: 'ready', text: 'Ready', color: 'success' });
  return (
    <div className={styles.badges}>
      {badges.map((b) => (
        <Badge key={b.key} appearance="tint" color={b.color} title={b.key === 'expiry' ? item.expiry?.message : undefined}>
          {b.text}
        </Badge>
      ))}
    </div>
  );
}
