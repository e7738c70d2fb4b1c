import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { HomeRegular } from '@fluentui/react-icons';
import { href, type Href } from '../../../shared/routes';
import { Page } from '../../components/page';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

function readable(written: string): string {
  try {
    return decodeURIComponent(written);
  } catch {
    return written;
  }
}

/** An address that names no page (an old bookmark, a mistyped URL): said plainly, with a way back. */
export function NotFoundPage({ written, go }: { written: string; go: (to: Href) => void }) {
  const styles = useStyles();
  return (
    <Page
      title="Page not found"
      description={`The Workbench has no page called “${readable(written)}”. Nothing was changed.`}
    >
      <Text as="p">
        The address may come from an older version or a link typed by hand. Choose a page in the navigation, or go to
        Start.
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<HomeRegular />} onClick={() => go(href('start'))}>
          Go to Start
        </Button>
      </div>
    </Page>
  );
}
