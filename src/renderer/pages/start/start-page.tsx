import { Button, Card, CardHeader, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddCircleRegular } from '@fluentui/react-icons';
import { Page } from '../../components/page';
import type { PageDefinition } from '../registry';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: tokens.spacingHorizontalL },
  hero: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/** The start page: what the Workbench is for, and a card per working page. */
export function StartPage({ pages, go }: { pages: PageDefinition[]; go: (id: string) => void }) {
  const styles = useStyles();
  return (
    <Page
      title="Graph Connection Workbench"
      description="Prepare, check and document connections from automation platforms to OneDrive and SharePoint through Microsoft Graph."
    >
      <div className={styles.hero}>
        <Button appearance="primary" size="large" icon={<AddCircleRegular />} onClick={() => go('wizard')}>
          New connection
        </Button>
        <Text>New here? The guided setup walks you from choosing the option to a tested connection and its record.</Text>
      </div>
      <div className={styles.grid}>
        {pages
          .filter((p) => p.id !== 'start')
          .map((p) => (
            <Card key={p.id}>
              <CardHeader
                header={
                  <Link as="button" onClick={() => go(p.id)}>
                    <Text weight="semibold">{p.label}</Text>
                  </Link>
                }
                description={<Text>{p.summary}</Text>}
              />
            </Card>
          ))}
      </div>
    </Page>
  );
}
