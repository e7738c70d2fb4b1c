import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { DocumentSearchRegular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
  },
});

/** The empty state: what a manifest is and the three ways to download one. */
export function ManifestHelp() {
  const styles = useStyles();
  return (
    <section className={styles.box} aria-labelledby="manifest-help-title" data-testid="verify-empty">
      <div className={styles.header}>
        <DocumentSearchRegular fontSize={28} aria-hidden />
        <Text as="h2" weight="semibold" size={400} id="manifest-help-title">
          Where to get the app registration’s manifest
        </Text>
      </div>
      <Text>
        The manifest is the app registration as JSON. Checking it needs no sign-in and no directory rights — only the
        file. Any of these gives one:
      </Text>
      <ol className={styles.list}>
        <li>
          <Text>
            <strong>Microsoft Entra admin center</strong>: Entra ID › App registrations › All applications › your app ›{' '}
            <strong>Manifest</strong> › Download.
          </Text>
        </li>
        <li>
          <Text>
            <strong>Azure CLI</strong>:{' '}
            <span className={styles.code}>az ad app show --id &lt;client ID&gt; &gt; app.json</span>
          </Text>
        </li>
        <li>
          <Text>
            <strong>Microsoft Graph</strong> (Graph Explorer or PowerShell):{' '}
            <span className={styles.code}>GET /applications(appId='&lt;client ID&gt;')</span> or{' '}
            <span className={styles.code}>GET /applications?$filter=appId eq '&lt;client ID&gt;'</span>, saved as a
            .json file.
          </Text>
        </li>
      </ol>
      <Text>
        Both formats are read: the current Microsoft Graph format and the older Azure AD Graph format. Then pick the
        connection profile the app is for, and add the PFX if the connection uses a certificate.
      </Text>
    </section>
  );
}
