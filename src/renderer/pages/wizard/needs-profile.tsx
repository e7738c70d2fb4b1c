import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

/** What a step that works on the saved profile shows before there is one. */
export function NeedsProfile({ what, onOpen }: { what: string; onOpen: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.box}>
      <Text>{what} needs the saved profile. Fill in the profile details (step 5) and press Next there to save it.</Text>
      <Button appearance="primary" onClick={onOpen}>
        Open “Profile details”
      </Button>
    </div>
  );
}
