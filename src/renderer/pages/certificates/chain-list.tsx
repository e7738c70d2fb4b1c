import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ChainCertificate } from '../../../shared/certificates';
import { day } from './format';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

const ROLES: Record<ChainCertificate['role'], string> = {
  leaf: 'the certificate',
  intermediate: 'intermediate CA',
  root: 'root CA',
  unrelated: 'not part of the chain',
};

function signer(c: ChainCertificate, chain: ChainCertificate[]): string {
  if (c.issuedByIndex === null) return `issued by ${c.issuerCommonName ?? c.issuer}, which is not in the file`;
  if (c.issuedByIndex === c.index) return 'self-signed';
  const by = chain[c.issuedByIndex];
  return `signed by ${by?.subjectCommonName ?? by?.subject ?? `certificate ${c.issuedByIndex + 1}`} (${c.issuedByIndex + 1})`;
}

/** Every certificate in the file, in chain order, with who signed whom. */
export function ChainList({ chain }: { chain: ChainCertificate[] }) {
  const styles = useStyles();
  return (
    <ol className={styles.list} aria-label="Certificates in the file">
      {chain.map((c) => (
        <li key={`${c.index}-${c.thumbprintSha1}`}>
          <Text weight="semibold">{c.subjectCommonName ?? c.subject}</Text> — {ROLES[c.role]}, {signer(c, chain)}; valid
          until {day(c.notAfter)}
          <br />
          <Text className={styles.mono}>SHA-1 {c.thumbprintSha1}</Text>
        </li>
      ))}
    </ol>
  );
}
