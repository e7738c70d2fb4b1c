import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ErrorCircleRegular, InfoRegular, OpenRegular, WarningRegular } from '@fluentui/react-icons';
import type { FindingSeverity, RegistrationFinding } from '../../../shared/registration';
import { adminLinkLabel } from './admin-link';

const useStyles = makeStyles({
  card: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  info: { borderLeft: `4px solid ${tokens.colorNeutralStroke1}` },
  icon: { gridRow: 'span 4', fontSize: '20px', paddingTop: '2px' },
  iconError: { color: tokens.colorPaletteRedForeground1 },
  iconWarning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  iconInfo: { color: tokens.colorNeutralForeground3 },
  code: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  fix: { whiteSpace: 'pre-wrap' },
  link: { justifySelf: 'start' },
});

const icons: Record<FindingSeverity, typeof ErrorCircleRegular> = {
  error: ErrorCircleRegular,
  warning: WarningRegular,
  info: InfoRegular,
};
const words: Record<FindingSeverity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

/** One finding: what is wrong, the fix in the admin center, and a link to the page where it is made. */
export function FindingCard({ finding, onOpen }: { finding: RegistrationFinding; onOpen: (url: string) => void }) {
  const styles = useStyles();
  const Icon = icons[finding.severity];
  const severityClass =
    finding.severity === 'error' ? styles.error : finding.severity === 'warning' ? styles.warning : styles.info;
  const iconClass =
    finding.severity === 'error'
      ? styles.iconError
      : finding.severity === 'warning'
        ? styles.iconWarning
        : styles.iconInfo;
  return (
    <li className={`${styles.card} ${severityClass}`} data-finding-code={finding.code} data-severity={finding.severity}>
      <Icon className={`${styles.icon} ${iconClass}`} aria-label={words[finding.severity]} role="img" />
      <Text>{finding.message}</Text>
      <Text className={styles.fix}>
        <strong>Fix: </strong>
        {finding.fix}
      </Text>
      <Caption1 className={styles.code}>
        {finding.code}
        {finding.appName ? ` · ${finding.appName}` : ''}
      </Caption1>
      <Button
        className={styles.link}
        size="small"
        appearance="secondary"
        icon={<OpenRegular />}
        onClick={() => onOpen(finding.link)}
      >
        {adminLinkLabel(finding.link)}
      </Button>
    </li>
  );
}
