import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { SiteGrant } from '../../../shared/permissions';
import { CopyButton } from '../../components/copy-button';
import { workbench } from '../../lib/workbench';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', minWidth: 0 },
  code: {
    flexGrow: 1,
    minWidth: 0,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
});

function Copyable({ label, text }: { label: string; text: string }) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <pre className={styles.code} aria-label={label} tabIndex={0}>
        {text}
      </pre>
      <CopyButton label={label} copy={() => workbench().clipboard.copyText({ text })} />
    </div>
  );
}

/** Sites.Selected reaches no site until an administrator grants each one: the steps and the exact calls (no admin-center page exists). */
export function SiteGrantPanel({ grant }: { grant: SiteGrant }) {
  const styles = useStyles();
  return (
    <section className={styles.panel} aria-labelledby="site-grant-title" data-testid="site-grant">
      <Text as="h3" size={400} weight="semibold" id="site-grant-title">
        How a site is granted with Sites.Selected
      </Text>
      <ol className={styles.steps}>
        {grant.steps.map((s) => (
          <li key={s}>
            <Text>{s}</Text>
          </li>
        ))}
      </ol>
      <Text weight="semibold">Find the site’s id (GET)</Text>
      <Copyable label="site lookup address" text={grant.lookupUrl} />
      <Text weight="semibold">Grant the app the site (POST)</Text>
      <Copyable label="grant address" text={grant.grantUrl} />
      <Copyable label="grant request body" text={grant.grantBody} />
      <Text weight="semibold">Or with PnP PowerShell</Text>
      <Copyable label="PnP PowerShell grant" text={grant.powershell} />
    </section>
  );
}
