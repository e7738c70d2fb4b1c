import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, CircleRegular, DismissCircleRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import type { SigninProgressEvent } from '../../../shared/contract/signin';
import { CopyButton } from '../../components/copy-button';
import { workbench } from '../../lib/workbench';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  bad: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  idle: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
});

function describe(step: SigninProgressEvent): { title: string; detail?: string } {
  switch (step.step) {
    case 'started':
      return { title: 'Test started' };
    case 'listening':
      return {
        title: `Waiting for the browser on ${step.redirectUri ?? 'the loopback address'}`,
        detail: `The app registration must list ${step.register ?? 'http://localhost'} under “${step.platform ?? 'Web'}” (Authentication page; the port is ignored, the path is not).`,
      };
    case 'browser':
      return {
        title: 'Browser opened with the sign-in page',
        detail:
          'Finish the sign-in there. If no browser window appeared, copy the sign-in address and open it yourself.',
      };
    case 'redeeming':
      return { title: 'The browser came back: redeeming the authorization code' };
    case 'requesting':
      return { title: 'Requesting an app-only token' };
    case 'refreshing':
      return { title: 'Refreshing the saved sign-in' };
    case 'probing':
      return { title: 'Calling Microsoft Graph' };
    case 'verifying':
      return { title: 'Verifying with an app-only token' };
    case 'done':
      return { title: 'Done' };
    case 'cancelled':
      return { title: 'Cancelled' };
    case 'failed':
      return { title: `Failed (${step.code ?? 'error'})` };
  }
}

/** The steps of the running (or last) test, with the redirect URI to register and the sign-in address to copy. */
export function ProgressSteps({
  steps,
  running,
  name,
}: {
  steps: SigninProgressEvent[];
  running: string | null;
  name: string | null;
}) {
  const styles = useStyles();
  const section = useRef<HTMLElement>(null);
  // A new test scrolls its progress into view: the buttons that start tests are above it.
  useEffect(() => {
    if (running) section.current?.scrollIntoView({ block: 'nearest' });
  }, [running]);
  if (steps.length === 0 && !running) return null;
  const last = steps.at(-1);
  return (
    <section aria-labelledby="signin-progress" data-testid="signin-progress" ref={section}>
      <Text as="h2" size={500} weight="semibold" id="signin-progress">
        Progress{name ? `: ${name}` : ''}
      </Text>
      <ol className={styles.list}>
        {steps.map((s, i) => {
          const { title, detail } = describe(s);
          const icon =
            s.step === 'failed' || s.step === 'cancelled' ? (
              <DismissCircleRegular className={styles.bad} aria-hidden />
            ) : (
              <CheckmarkCircleRegular className={styles.ok} aria-hidden />
            );
          return (
            <li key={`${s.step}-${i}`} className={styles.item} data-step={s.step}>
              {icon}
              <div className={styles.body}>
                <Text weight="semibold">{title}</Text>
                {detail ? <Text size={200}>{detail}</Text> : null}
                {s.step === 'browser' && s.url ? (
                  <div className={styles.row}>
                    <CopyButton
                      label="sign-in address"
                      copy={() => workbench().clipboard.copyText({ text: s.url ?? '' })}
                    />
                    <Text size={200}>Copy the sign-in address</Text>
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
        {running && last?.step !== 'done' ? (
          <li className={styles.item}>
            <CircleRegular className={styles.idle} aria-hidden />
            <Spinner
              size="tiny"
              label={last?.step === 'browser' ? 'Waiting for you to finish in the browser…' : 'Working…'}
            />
          </li>
        ) : null}
      </ol>
      <div role="status" aria-live="polite" className="visually-hidden">
        {last ? describe(last).title : ''}
      </div>
    </section>
  );
}
