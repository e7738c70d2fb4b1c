import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AdminConsentLink } from '../../../shared/contract/signin';
import type { AppError } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { workbench } from '../../lib/workbench';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  url: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all', fontSize: tokens.fontSizeBase200 },
  help: { color: tokens.colorNeutralForeground2 },
});

/** The admin consent address to send to a Global Administrator, copied through main. */
export function AdminConsentLinkBox({ profileId, version }: { profileId: string; version: 'v1' | 'v2' }) {
  const styles = useStyles();
  const [link, setLink] = useState<AdminConsentLink | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // Another profile or version: the link and the message shown were for the one before.
  const [shownFor, setShownFor] = useState(`${profileId} ${version}`);
  if (shownFor !== `${profileId} ${version}`) {
    setShownFor(`${profileId} ${version}`);
    setLink(null);
    setStatus(null);
  }
  const copy = async () => {
    const r = await workbench().signin.adminConsentLink({ profileId, version });
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setLink(r.value);
    const c = await workbench().clipboard.copyText({ text: r.value.url });
    setStatus(c.ok ? 'Admin consent link copied.' : c.error.message);
  };
  return (
    <div className={styles.box}>
      <div>
        <Button icon={<CopyRegular />} onClick={() => void copy()}>
          Copy admin consent link
        </Button>
      </div>
      <Text size={200} className={styles.help}>
        For an administrator who must grant consent on their own computer.
      </Text>
      <div role="status" aria-live="polite">
        {status ? <Text size={200}>{status}</Text> : null}
      </div>
      <ErrorBar error={error} />
      {link ? (
        <>
          <Text className={styles.url} data-testid="consent-link">
            {link.url}
          </Text>
          <Text size={200} className={styles.help}>
            {link.note}
          </Text>
        </>
      ) : null}
    </div>
  );
}
