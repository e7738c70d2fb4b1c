import { Button, Card, CardHeader, Link, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { AddCircleRegular } from '@fluentui/react-icons';
import { Page } from '../../components/page';
import { useResult } from '../../lib/use-result';
import { workbench } from '../../lib/workbench';
import type { PageDefinition } from '../registry';
import { ConnectionsCard, ExpiriesCard, TestsCard } from './dashboard-cards';
import { href, type Href } from '../../../shared/routes';

const useStyles = makeStyles({
  hero: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  cards: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  tools: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
});

/** The Start page as a dashboard: the saved connections with their status, the next expiries, the last tests, and "New connection". */
export function StartPage({ pages, go }: { pages: PageDefinition[]; go: (to: Href) => void }) {
  const styles = useStyles();
  const profiles = useResult(() => workbench().profiles.list({}), []);
  const expiry = useResult(() => workbench().profiles.expiry({}), []);
  const items = profiles.value ?? [];
  const open = (id: string) => go(href('connections', { sheet: id }));
  return (
    <Page
      title="Graph Connection Workbench"
      description="Prepare, check and document connections from automation platforms to OneDrive and SharePoint through Microsoft Graph."
      wide
    >
      <div className={styles.hero}>
        <Button appearance="primary" size="large" icon={<AddCircleRegular />} onClick={() => go(href('wizard'))}>
          New connection
        </Button>
        <Text>
          {items.length === 0
            ? 'New here? The guided setup walks you from choosing the option to a tested connection and its record.'
            : 'Set up another connection step by step, from the app registration to a tested connection.'}
        </Text>
      </div>
      {profiles.loading && !profiles.value ? (
        <Spinner label="Loading your connections…" />
      ) : items.length > 0 ? (
        <div className={styles.cards}>
          <ConnectionsCard items={items} open={open} all={() => go(href('connections'))} />
          <ExpiriesCard rows={expiry.value ?? []} open={open} />
          <TestsCard items={items} open={open} />
        </div>
      ) : null}
      <section aria-labelledby="start-tools" className={styles.section}>
        <Text as="h2" size={500} weight="semibold" id="start-tools" block>
          Tools
        </Text>
        <div className={styles.tools}>
          {pages
            .filter((p) => p.id !== 'start')
            .map((p) => (
              <Card key={p.id} size="small">
                <CardHeader
                  header={
                    <Link as="button" onClick={() => go(href(p.id))}>
                      <Text weight="semibold">{p.label}</Text>
                    </Link>
                  }
                  description={<Text size={200}>{p.summary}</Text>}
                />
              </Card>
            ))}
        </div>
      </section>
    </Page>
  );
}
