import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { authKinds, authLabels, type AuthKind } from '../../../shared/connections';
import { href, type Href } from '../../../shared/routes';

const useStyles = makeStyles({
  options: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalS,
    flexBasis: '100%',
    width: '100%',
    order: 10,
  },
  option: { justifyContent: 'flex-start', textAlign: 'left', height: 'auto', padding: tokens.spacingHorizontalM },
});

const optionSummaries: Record<AuthKind, string> = {
  certificate: 'A certificate (PFX) and the account UPN the connection signs in as.',
  'client-credentials': 'A client secret; a service account signs in.',
  'byo-app': 'Your own app registration with a redirect URI on your domain.',
};

/** The "New connection" button: it opens the choice of the guided setup and the three options (inline, no popup menu). */
export function NewConnection({ go, primary }: { go: (to: Href) => void; primary?: boolean }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        appearance={primary ? 'primary' : 'secondary'}
        icon={<AddRegular />}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        New connection
      </Button>
      {open ? (
        <div role="group" aria-label="Choose the authentication option" className={styles.options}>
          <Button className={styles.option} appearance="primary" onClick={() => go(href('wizard'))}>
            <span>
              <Text weight="semibold" block>
                Guided setup
              </Text>
              <Text size={200} block>
                Not sure which option? Step by step, from the app registration to a tested connection.
              </Text>
            </span>
          </Button>
          {authKinds.map((k) => (
            <Button key={k} className={styles.option} onClick={() => go(href('connections', { new: k }))}>
              <span>
                <Text weight="semibold" block>
                  {authLabels[k]}
                </Text>
                <Text size={200} block>
                  {optionSummaries[k]}
                </Text>
              </span>
            </Button>
          ))}
        </div>
      ) : null}
    </>
  );
}
