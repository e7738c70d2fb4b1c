import { Button, Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { HeldCertificate } from '../../../shared/certificates';
import type { FetchView } from '../../../shared/contract/graph';
import { OpenPanel } from '../certificates/open-panel';
import { SecretMonthsField } from './secret-months-field';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

const hex = (s: string | null | undefined) => (s ?? '').replace(/[^0-9a-f]/gi, '').toUpperCase();
/** The credential a rotation just added (kept out of “remove old”), and whether its sign-in test passed. */
export interface RotatedNow {
  passwordKeyId: string | null;
  thumbprintSha1: string | null;
  tested: boolean;
}

/** Rotate: add a new secret or certificate beside the old one (tested after it is added), then remove old ones the admin picks. */
export function RotateSection(props: {
  usesCertificate: boolean;
  fetched: FetchView | null;
  rotated: RotatedNow | null;
  disabled: boolean;
  onPreviewRotate: (
    credential: { kind: 'secret'; months: number } | { kind: 'certificate'; certificateRef: string },
    thumbprintSha1: string | null,
  ) => void;
  onPreviewRemove: (keys: { passwordKeyIds: string[]; certificateKeyIds: string[] }) => void;
  onRetest: (() => void) | null;
}) {
  const styles = useStyles();
  const [months, setMonths] = useState('6');
  const [held, setHeld] = useState<HeldCertificate | null>(null);
  const { fetched, rotated } = props;
  const existing = fetched
    ? props.usesCertificate
      ? fetched.certificates.map((c) => ({
          keyId: c.keyId,
          label: `${c.displayName ?? 'Certificate'} (SHA-1 ${c.thumbprintSha1 ?? '?'}${c.endDateTime ? `, until ${c.endDateTime.slice(0, 10)}` : ''})`,
          isNew: rotated !== null && hex(c.thumbprintSha1) === hex(rotated.thumbprintSha1),
        }))
      : fetched.passwords.map((p) => ({
          keyId: p.keyId,
          label: `${p.displayName ? `“${p.displayName}” ` : 'Secret '}(hint ${p.hint ?? '?'}…${p.endDateTime ? `, until ${p.endDateTime.slice(0, 10)}` : ''})`,
          isNew: rotated?.passwordKeyId === p.keyId,
        }))
    : [];
  // After a rotation whose test passed, the old credentials are picked for removal (still only on confirmation). The
  // choice is set again, during render, whenever the rotation or the old credentials change (not in an effect: no
  // render with a stale choice).
  const oldKeys = existing
    .filter((e) => !e.isNew)
    .map((e) => e.keyId)
    .join(' ');
  const pickFor = (r: RotatedNow | null) => (r?.tested ? oldKeys.split(' ').filter(Boolean) : []);
  const [picked, setPicked] = useState<string[]>(() => pickFor(rotated));
  const [pickedFor, setPickedFor] = useState({ rotated, oldKeys });
  if (pickedFor.rotated !== rotated || pickedFor.oldKeys !== oldKeys) {
    setPickedFor({ rotated, oldKeys });
    setPicked(pickFor(rotated));
  }
  const what = props.usesCertificate ? 'certificate' : 'client secret';
  return (
    <div className={styles.box} role="group" aria-labelledby="graph-rotate-heading" data-testid="graph-rotate">
      <Text as="h4" weight="semibold" id="graph-rotate-heading">
        Rotate the {what}
      </Text>
      <Text>
        The new {what} is added beside the old one, and the profile takes it; the sign-in test then runs with it. The
        old one stays registered until you remove it below, so the automation platform keeps working while you move it
        over.
      </Text>
      {props.usesCertificate ? (
        <>
          {held ? (
            <Text>
              New certificate: {held.details.certificate.subject} (SHA-1{' '}
              <span className={styles.mono}>{held.details.certificate.thumbprintSha1}</span>, until{' '}
              {held.details.certificate.notAfter.slice(0, 10)}).{' '}
              <Button size="small" onClick={() => setHeld(null)}>
                Choose another
              </Button>
            </Text>
          ) : (
            <OpenPanel onOpened={setHeld} />
          )}
          <div className={styles.row}>
            <Button
              disabled={props.disabled || !held || !held.details.hasPrivateKey}
              onClick={() =>
                held &&
                props.onPreviewRotate(
                  { kind: 'certificate', certificateRef: held.ref },
                  held.details.certificate.thumbprintSha1,
                )
              }
            >
              Preview adding the new certificate
            </Button>
          </div>
          {held && !held.details.hasPrivateKey ? (
            <Text role="alert">That file holds no private key: choose the PFX of the new certificate.</Text>
          ) : null}
        </>
      ) : (
        <div className={styles.row}>
          <SecretMonthsField label="New secret valid for (months)" months={months} onChange={setMonths} />
          <Button
            disabled={props.disabled}
            onClick={() => props.onPreviewRotate({ kind: 'secret', months: Number(months) }, null)}
          >
            Preview adding a new secret
          </Button>
        </div>
      )}
      {props.onRetest ? (
        <div className={styles.row}>
          <Button disabled={props.disabled} onClick={props.onRetest}>
            Run the sign-in test again
          </Button>
        </div>
      ) : null}
      {existing.length > 1 ? (
        <fieldset className={styles.box} data-testid="graph-remove-old">
          <legend>Registered {what}s: pick the old ones to remove</legend>
          {rotated && !rotated.tested ? (
            <Text role="note">
              The sign-in test with the new {what} has not passed: keep the old one until it does.
            </Text>
          ) : null}
          {existing.map((e) => (
            <Checkbox
              key={e.keyId}
              disabled={e.isNew}
              checked={picked.includes(e.keyId)}
              onChange={(_ev, d) => setPicked((p) => (d.checked ? [...p, e.keyId] : p.filter((k) => k !== e.keyId)))}
              label={`${e.label}${e.isNew ? ' — the new one, kept' : ''}`}
            />
          ))}
          <div className={styles.row}>
            <Button
              disabled={props.disabled || picked.length === 0 || picked.length === existing.length}
              onClick={() =>
                props.onPreviewRemove(
                  props.usesCertificate
                    ? { passwordKeyIds: [], certificateKeyIds: picked }
                    : { passwordKeyIds: picked, certificateKeyIds: [] },
                )
              }
            >
              Preview removing {picked.length === 1 ? 'the picked one' : `${picked.length} picked`}
            </Button>
          </div>
        </fieldset>
      ) : null}
    </div>
  );
}
