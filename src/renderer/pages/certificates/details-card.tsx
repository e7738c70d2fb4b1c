import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular, LinkRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import type { CertificateView, HeldCertificate } from '../../../shared/certificates';
import type { AppError } from '../../../shared/result';
import { CopyButton } from '../../components/copy-button';
import { ErrorBar } from '../../components/error-bar';
import { workbench } from '../../lib/workbench';
import { Base64Block } from './base64-block';
import { ChainList } from './chain-list';
import { errorTitle } from './error-text';
import { keyText, originText, validityText } from './format';
import { href } from '../../../shared/routes';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalL,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'start', gap: tokens.spacingHorizontalM },
  label: { width: '200px', fontWeight: tokens.fontWeightSemibold },
  heading: { margin: 0 },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

function privateKeyText(view: CertificateView): string {
  if (!view.hasPrivateKey) return 'None in this file';
  const key = view.privateKey ? ` (${keyText(view.privateKey)})` : '';
  return view.keyMatchesCertificate
    ? `Present${key}, belongs to the certificate`
    : `Present${key}, but it does NOT belong to the certificate`;
}

function passwordNote(view: CertificateView): string | null {
  if (view.passwordUsed === 'empty')
    return 'This file has an empty password: leave the password empty in the connection.';
  if (view.passwordUsed === 'absent') return 'This file has no password at all.';
  return null;
}

/** The details of the current certificate: warnings, names, thumbprints with copy buttons, validity, key, chain, protection, base64. */
export function DetailsCard({ held, onClose }: { held: HeldCertificate; onClose: () => void }) {
  const styles = useStyles();
  const [error, setError] = useState<AppError | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const { details: view } = held;
  const c = view.certificate;
  const copyable = (label: string, value: string) => (
    <span className={styles.mono}>
      {value} <CopyButton label={label} copy={() => workbench().clipboard.copyText({ text: value })} />
    </span>
  );
  const rows: Array<[string, ReactNode]> = [
    ['Subject', c.subject],
    ['Issuer', c.selfSigned ? `${c.issuer} (self-signed)` : c.issuer],
    ['Serial number', <span className={styles.mono}>{c.serialNumber}</span>],
    ['Thumbprint (SHA-1)', copyable('SHA-1 thumbprint', c.thumbprintSha1)],
    ['Thumbprint (SHA-256)', copyable('SHA-256 thumbprint', c.thumbprintSha256)],
    ['x5t', copyable('x5t', c.x5t)],
    ['x5t#S256', copyable('x5t#S256', c.x5tS256)],
    ['Valid', validityText(c)],
    ['Key', keyText(c.key)],
    ['Private key', privateKeyText(view)],
    ['Key usage', c.keyUsage?.join(', ') ?? 'Not restricted (no key usage extension)'],
    [
      'Extended key usage',
      c.extendedKeyUsage?.map((u) => u.name).join(', ') ?? 'Not restricted (no extended key usage extension)',
    ],
    ['Signature algorithm', c.signatureAlgorithm],
  ];
  if (c.friendlyName) rows.push(['Friendly name', c.friendlyName]);
  if (view.protection)
    rows.push(['Protection', `${view.protection.summary}${view.protection.legacy ? ' (legacy)' : ''}`]);

  const handoff = async () => {
    const result = await workbench().certificates.handoff({ ref: held.ref });
    if (!result.ok) return setError(result.error);
    window.location.hash = href('connections', { certificate: result.value.ref });
  };
  const copyKeyCredentials = async () => {
    const result = await workbench().certificates.copyKeyCredentials({ ref: held.ref });
    setError(result.ok ? null : result.error);
    if (result.ok) setCopied('Copied the keyCredentials entry (public certificate only) for the app manifest.');
  };
  const note = passwordNote(view);

  return (
    <section className={styles.card} aria-labelledby="certificate-details-title">
      <div className={styles.header}>
        <div>
          <Text as="h2" block size={500} weight="semibold" id="certificate-details-title" className={styles.heading}>
            {c.subjectCommonName ?? c.subject}
          </Text>
          <Text as="p" block className={styles.heading}>
            {originText(view, held.fileName)}
          </Text>
        </div>
        <Button appearance="subtle" icon={<DismissRegular />} onClick={onClose}>
          Close
        </Button>
      </div>
      {view.warnings.map((w) => (
        <MessageBar key={w.code} intent={w.severity} data-warning={w.code}>
          <MessageBarBody>{w.message}</MessageBarBody>
        </MessageBar>
      ))}
      {note ? (
        <MessageBar intent="info">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Table aria-label="Certificate details" size="small">
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell className={styles.label}>{label}</TableCell>
              <TableCell>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {view.chain.length > 1 ? (
        <>
          <Text as="h3" block size={400} weight="semibold" className={styles.heading}>
            Chain ({view.chain.length} certificates)
          </Text>
          <ChainList chain={view.chain} />
        </>
      ) : null}
      <Text as="h3" block size={400} weight="semibold" className={styles.heading}>
        Base64 for the connection
      </Text>
      <Base64Block key={`${held.ref}-${view.pfxSize ?? 'none'}`} held={held} />
      <div className={styles.actions}>
        {view.base64Length !== null ? (
          <Button appearance="primary" icon={<LinkRegular />} onClick={() => void handoff()}>
            Use in a connection
          </Button>
        ) : null}
        <Button onClick={() => void copyKeyCredentials()}>Copy keyCredentials JSON</Button>
      </div>
      <div role="status" aria-live="polite">
        {copied ? <Text>{copied}</Text> : null}
      </div>
      <ErrorBar error={error} title={error ? errorTitle(error) : undefined} />
    </section>
  );
}
