import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CopyRegular, EyeOffRegular, EyeRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ConnectionSheetField, SecretName } from '../../../shared/connections';
import type { ConnectionSheetView as ConnectionSheetViewData } from '../../../shared/contract/profiles';
import type { AppError } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { workbench } from '../../lib/workbench';

const useStyles = makeStyles({
  label: { width: '180px', fontWeight: tokens.fontWeightSemibold, verticalAlign: 'top' },
  value: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  help: { color: tokens.colorNeutralForeground2 },
  cell: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, wordBreak: 'break-all' },
});

const revealable = new Set<string>(['clientSecret', 'pfxPassword']);

/** What was copied, counting down to the moment main clears the clipboard. */
function CopyStatus({ text, clearsInSeconds }: { text: string; clearsInSeconds: number | null }) {
  const [secondsLeft, setSecondsLeft] = useState(clearsInSeconds);
  useEffect(() => {
    if (!clearsInSeconds) return;
    const copiedAt = Date.now();
    const timer = window.setInterval(
      () => setSecondsLeft(Math.max(0, Math.ceil(clearsInSeconds - (Date.now() - copiedAt) / 1000))),
      1000,
    );
    return () => window.clearInterval(timer);
  }, [clearsInSeconds]);
  const words =
    !clearsInSeconds || secondsLeft === null
      ? `${text}.`
      : secondsLeft > 0
        ? `${text} — cleared from the clipboard in ${secondsLeft} s.`
        : `${text}; the clipboard has been cleared.`;
  return (
    <MessageBar intent="success">
      <MessageBarBody>{words}</MessageBarBody>
    </MessageBar>
  );
}

/** The sheet's table, copy and reveal buttons, and the things to do elsewhere; used by the sheet page and the wizard's finish step. */
export function ConnectionSheetBody({
  id,
  sheet: s,
  headingLevel,
}: {
  id: string;
  sheet: ConnectionSheetViewData;
  headingLevel: 2 | 3;
}) {
  const styles = useStyles();
  // `copy` counts the copies, so each one starts its own countdown.
  const [status, setStatus] = useState<{ copy: number; text: string; clearsInSeconds: number | null } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [revealed, setRevealed] = useState<Record<string, string>>({});

  const copy = async (field: ConnectionSheetField) => {
    const r = await workbench().profiles.copySheetField({ id, key: field.key });
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setStatus((s) => ({
      copy: (s?.copy ?? 0) + 1,
      text: `${field.label} copied`,
      clearsInSeconds: r.value.clearsInSeconds,
    }));
  };
  const reveal = async (field: ConnectionSheetField) => {
    if (revealed[field.key] !== undefined) {
      setRevealed(({ [field.key]: _hidden, ...rest }) => rest);
      return;
    }
    const r = await workbench().profiles.revealSecret({ id, name: field.key as SecretName });
    if (!r.ok) setError(r.error);
    else setRevealed((v) => ({ ...v, [field.key]: r.value.value }));
  };

  return (
    <>
      <ErrorBar error={error} />
      <div role="status" aria-live="polite" data-testid="copy-status">
        {status ? <CopyStatus key={status.copy} text={status.text} clearsInSeconds={status.clearsInSeconds} /> : null}
      </div>
      <Table aria-label="Connection page fields">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Field</TableHeaderCell>
            <TableHeaderCell>Value</TableHeaderCell>
            <TableHeaderCell>Copy</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {s.fields.map((f) => (
            <TableRow key={f.key} data-field={f.key}>
              <TableCell className={styles.label}>{f.label}</TableCell>
              <TableCell>
                <div className={styles.cell}>
                  {f.secret ? (
                    <Text>
                      {revealed[f.key] !== undefined ? (
                        <span className={styles.value}>{revealed[f.key]}</span>
                      ) : (
                        <Badge appearance="tint" color={f.secretState === 'stored' ? 'success' : 'danger'}>
                          {f.secretState === 'stored'
                            ? 'Stored in the keychain'
                            : f.secretState === 'unreadable'
                              ? 'Unreadable — enter it again'
                              : 'Missing — enter it on the profile'}
                        </Badge>
                      )}
                    </Text>
                  ) : (
                    <Text className={styles.value}>{f.value || '(empty)'}</Text>
                  )}
                  <Text size={200} className={styles.help}>
                    {f.help}
                  </Text>
                </div>
              </TableCell>
              <TableCell>
                <div className={styles.actions}>
                  <Button
                    size="small"
                    icon={<CopyRegular />}
                    aria-label={`Copy ${f.label}`}
                    disabled={f.secret ? f.secretState !== 'stored' : !f.value}
                    onClick={() => void copy(f)}
                  >
                    Copy
                  </Button>
                  {f.secret && revealable.has(f.key) && f.secretState === 'stored' ? (
                    <Button
                      size="small"
                      icon={revealed[f.key] !== undefined ? <EyeOffRegular /> : <EyeRegular />}
                      aria-label={`${revealed[f.key] !== undefined ? 'Hide' : 'Show'} ${f.label}`}
                      onClick={() => void reveal(f)}
                    >
                      {revealed[f.key] !== undefined ? 'Hide' : 'Show'}
                    </Button>
                  ) : null}
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {s.notes.length > 0 ? (
        <section aria-labelledby="sheet-notes">
          <Text as={headingLevel === 2 ? 'h2' : 'h3'} size={400} weight="semibold" id="sheet-notes">
            Also do
          </Text>
          <ul className={styles.notes}>
            {s.notes.map((n) => (
              <li key={n}>
                <Text>{n}</Text>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {s.fields.some((f) => f.secret && f.secretState !== 'stored') ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            A secret of this profile is not stored on this computer. Edit the profile to enter it.
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
