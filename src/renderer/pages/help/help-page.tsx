import { Badge, Button, Field, Link, makeStyles, SearchBox, Spinner, Text, tokens } from '@fluentui/react-components';
import { AddCircleRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { AadstsEntry } from '../../../shared/signin';
import { ErrorBar } from '../../components/error-bar';
import { Page } from '../../components/page';
import { useResult } from '../../lib/use-result';
import { workbench } from '../../lib/workbench';
import { OptionComparison } from './option-comparison';
import { href, type Href } from '../../../shared/routes';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  search: { maxWidth: '520px' },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

const categoryWords: Record<AadstsEntry['category'], string> = {
  'redirect-uri': 'Redirect URI',
  consent: 'Consent',
  'app-registration': 'App registration',
  tenant: 'Tenant',
  cloud: 'Cloud',
  user: 'User',
  'conditional-access': 'Conditional Access',
  scope: 'Scopes',
  'client-credential': 'Client credential',
  certificate: 'Certificate',
  'refresh-token': 'Sign-in session',
  protocol: 'Protocol',
};

/** Help: AADSTS codes searchable by number or words (meaning and fix), and how the three options differ. `?code=50011` searches at once. */
export function HelpPage({ query, go }: { query: string; go: (to: Href) => void }) {
  const styles = useStyles();
  const [text, setText] = useState(() => new URLSearchParams(query).get('code') ?? '');
  const [debounced, setDebounced] = useState(text);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(text), 200);
    return () => window.clearTimeout(timer);
  }, [text]);
  const results = useResult(() => workbench().signin.aadstsSearch({ query: debounced }), [debounced]);
  const entries = results.value ?? [];

  return (
    <Page
      title="Help"
      description="What an AADSTS error means and how to fix it, and how the three authentication options differ. Every form field in the Workbench has a short help text under it, too."
    >
      <div>
        <Link
          href="#help-options"
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('help-options')?.scrollIntoView();
            document.getElementById('help-options')?.focus();
          }}
        >
          Jump to: how the three options differ
        </Link>
      </div>
      <section className={styles.section} aria-labelledby="help-aadsts">
        <Text as="h2" size={500} weight="semibold" id="help-aadsts">
          AADSTS error codes
        </Text>
        <Field
          className={styles.search}
          label="Search by code or words"
          hint="The number from the error (e.g. 50011 or AADSTS7000215), or words such as “redirect”, “expired secret”, “consent”."
        >
          <SearchBox value={text} maxLength={200} onChange={(_e, d) => setText(d.value)} />
        </Field>
        <div role="status" aria-live="polite">
          <Text>
            {results.loading && !results.value
              ? ''
              : debounced.trim()
                ? `${entries.length} code${entries.length === 1 ? '' : 's'} match “${debounced.trim()}”.`
                : `${entries.length} codes the Workbench explains.`}
          </Text>
        </div>
        <ErrorBar error={results.error} />
        {results.loading && !results.value ? <Spinner size="tiny" label="Searching…" /> : null}
        {entries.length === 0 && !results.loading ? (
          <Text>Nothing matches. Try the number alone (50011), or one word of the error message.</Text>
        ) : null}
        <ul className={styles.list} aria-label="AADSTS codes">
          {entries.map((e) => (
            <li key={e.code} className={styles.entry} data-code={e.code}>
              <div className={styles.head}>
                <Text as="h3" size={400} weight="semibold">
                  <span className={styles.code}>AADSTS{e.code}</span> — {e.name}
                </Text>
                <Badge appearance="outline">{categoryWords[e.category]}</Badge>
                {e.signInAgain ? (
                  <Badge appearance="tint" color="informative">
                    Sign in again
                  </Badge>
                ) : null}
              </div>
              <Text data-part="meaning">
                <strong>Meaning:</strong> {e.meaning}
              </Text>
              <Text data-part="fix">
                <strong>Fix:</strong> {e.fix}
              </Text>
            </li>
          ))}
        </ul>
      </section>
      <section className={styles.section} aria-labelledby="help-options">
        <Text as="h2" size={500} weight="semibold" id="help-options" tabIndex={-1}>
          How the three options differ
        </Text>
        <OptionComparison />
        <div>
          <Button appearance="primary" icon={<AddCircleRegular />} onClick={() => go(href('wizard'))}>
            Start a new connection
          </Button>
        </div>
      </section>
    </Page>
  );
}
