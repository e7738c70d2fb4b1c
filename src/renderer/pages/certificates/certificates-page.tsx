import { makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { HeldCertificate } from '../../../shared/certificates';
import { Page } from '../../components/page';
import { workbench } from '../../lib/workbench';
import { DecodePanel } from './decode-panel';
import { DetailsCard } from './details-card';
import { ExportPanel } from './export-panel';
import { GeneratePanel } from './generate-panel';
import { OpenPanel } from './open-panel';

type Part = 'open' | 'decode' | 'generate';

const useStyles = makeStyles({
  panel: { paddingTop: tokens.spacingVerticalM },
});

const PARTS: Array<[Part, string]> = [
  ['open', 'Open a file'],
  ['decode', 'Check pasted base64'],
  ['generate', 'Generate new'],
];

/** Certificates: open a PFX and copy its base64, check pasted base64, generate and export a new certificate. */
export function CertificatesPage() {
  const styles = useStyles();
  const [part, setPart] = useState<Part>('open');
  const [current, setCurrent] = useState<HeldCertificate | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const details = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Start the key-derivation workers now, so the first PFX opens without waiting for them.
    void workbench().certificates.prewarm({});
  }, []);

  const show = (held: HeldCertificate) => {
    setCurrent((previous) => {
      // Main holds what the page shows; forget what the page no longer shows.
      if (previous && previous.ref !== held.ref) void workbench().certificates.discard({ ref: previous.ref });
      return held;
    });
    setAnnouncement(
      `Showing ${held.details.certificate.subjectCommonName ?? held.details.certificate.subject}. ${held.details.warnings.length} warning${held.details.warnings.length === 1 ? '' : 's'}.`,
    );
    window.setTimeout(() => details.current?.scrollIntoView({ block: 'nearest' }), 0);
  };
  const close = () => {
    if (current) void workbench().certificates.discard({ ref: current.ref });
    setCurrent(null);
    setAnnouncement('Certificate closed.');
  };

  return (
    <Page
      title="Certificates"
      description="Open a PFX to check it and copy the base64 a client-certificate connection takes, or create a new certificate for app-only sign-in."
    >
      <TabList selectedValue={part} onTabSelect={(_e, d) => setPart(d.value as Part)} aria-label="What to do">
        {PARTS.map(([value, label]) => (
          <Tab key={value} value={value} id={`certificates-tab-${value}`} aria-controls="certificates-panel">
            {label}
          </Tab>
        ))}
      </TabList>
      <div
        role="tabpanel"
        id="certificates-panel"
        aria-labelledby={`certificates-tab-${part}`}
        className={styles.panel}
      >
        {part === 'open' ? <OpenPanel onOpened={show} /> : null}
        {part === 'decode' ? <DecodePanel onOpened={show} /> : null}
        {part === 'generate' ? <GeneratePanel onGenerated={show} /> : null}
      </div>
      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      <div ref={details}>
        {current ? (
          <DetailsCard held={current} onClose={close} />
        ) : (
          <Text>No certificate open yet: drop a PFX above, paste its base64, or generate a new one.</Text>
        )}
      </div>
      {current?.details.hasPrivateKey ? <ExportPanel key={current.ref} held={current} onExported={show} /> : null}
    </Page>
  );
}
