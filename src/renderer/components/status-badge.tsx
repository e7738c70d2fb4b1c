import { Badge, makeStyles, Text, tokens, Tooltip } from '@fluentui/react-components';
import type { ProfileStatus, StatusFact } from '../../shared/status';
import { formatDate, formatDateTime } from '../lib/dates';

const useStyles = makeStyles({
  facts: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  badge: { whiteSpace: 'nowrap' },
});

/** A fact in one sentence, with its date in the user's locale (expiry dates without a time). */
export function factText(fact: StatusFact): string {
  if (!fact.at) return fact.detail;
  const when = fact.key === 'expired' || fact.key === 'expiring' ? formatDate(fact.at) : formatDateTime(fact.at);
  const sentence = fact.detail.endsWith('.') ? fact.detail.slice(0, -1) : fact.detail;
  return `${sentence} (${when}).`;
}

/** Every fact of a status as a list, most important first. */
export function StatusFacts({ status, label }: { status: ProfileStatus; label: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.facts} aria-label={label}>
      {status.facts.map((f) => (
        <li key={f.key} data-fact={f.key}>
          <Text>
            <Text weight="semibold">{f.label}:</Text> {factText(f)}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** The badge of a profile: its most important fact; the tooltip lists the rest. */
export function StatusBadge({ status }: { status: ProfileStatus }) {
  const styles = useStyles();
  const h = status.headline;
  const rest = status.facts.slice(1).map((f) => `${f.label}: ${factText(f)}`);
  return (
    <Tooltip relationship="description" content={[factText(h), ...rest].join(' · ')} withArrow>
      <Badge appearance="tint" color={h.tone} className={styles.badge} data-status={h.key}>
        {h.label}
      </Badge>
    </Tooltip>
  );
}
