import { Button, makeStyles, Radio, RadioGroup, Spinner, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { ApplyOutcome, FetchView, ManagementStatus, PlanView } from '../../../shared/contract/graph';
import type { AppError } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { toAppError, unwrap, workbench } from '../../lib/workbench';
import { ApplyResult } from './apply-result';
import { GraphVerification } from './graph-verification';
import { ManagementSignIn, type SignInChoice } from './management-signin';
import { PreviewDialog } from './preview-dialog';
import { RotateSection, type RotatedNow } from './rotate-section';
import { SecretMonthsField } from './secret-months-field';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
});

type Busy = 'signin' | 'signout' | 'fetch' | 'preview' | 'apply' | 'retest';
const busyWords: Record<Busy, string> = {
  signin: 'Waiting for the management sign-in in the browser…',
  signout: 'Signing out of management…',
  fetch: 'Reading the app registration through Microsoft Graph…',
  preview: 'Preparing the preview (nothing is sent)…',
  apply: 'Sending the requests, then reading the app back…',
  retest: 'Running the sign-in test with the new credential…',
};

/**
 * Change the profile's app registration through Microsoft Graph: sign in for management, preview every request,
 * send on confirmation, read the app back and verify it; repair what Graph can fix; rotate the secret or certificate.
 */
export function GraphPanel(props: {
  profileId: string;
  profileName: string;
  hasClientId: boolean;
  auth: 'certificate' | 'client-credentials' | 'byo-app';
  headingLevel?: 2 | 3;
  onChanged?: () => void;
}) {
  const { profileId, auth, onChanged } = props;
  const styles = useStyles();
  const usesCertificate = auth === 'certificate';
  const [status, setStatus] = useState<ManagementStatus | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [outcome, setOutcome] = useState<ApplyOutcome | null>(null);
  const [fetched, setFetched] = useState<FetchView | null>(null);
  const [createdApp, setCreatedApp] = useState(false);
  const [credential, setCredential] = useState<'profile-certificate' | 'new-secret' | 'none'>(
    usesCertificate ? 'profile-certificate' : 'new-secret',
  );
  const [months, setMonths] = useState('6');
  const [rotated, setRotated] = useState<RotatedNow | null>(null);
  const [rotating, setRotating] = useState<{ thumbprintSha1: string | null } | null>(null);
  const [rotations, setRotations] = useState(0);
  const [retested, setRetested] = useState<string | null>(null);
  const H = props.headingLevel === 2 ? 'h2' : 'h3';
  const hasApp = props.hasClientId || createdApp;
  const g = workbench().graph;

  useEffect(() => {
    void unwrap(workbench().graph.status({ profileId })).then(setStatus, () => setStatus(null));
  }, [profileId]);

  const guard = useCallback(async (what: Busy, work: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(null);
    }
  }, []);

  const signIn = (choice: SignInChoice) =>
    guard('signin', async () => {
      setCancelled(false);
      try {
        setStatus(
          await unwrap(
            g.signIn({
              profileId,
              action: hasApp ? 'repair' : 'create',
              consent: choice.consent,
              client: choice.client,
            }),
          ),
        );
      } catch (e) {
        // Cancelled by the admin (Cancel sign-in): not an error, the panel says so and offers to sign in again.
        if (toAppError(e).code !== 'signin.cancelled') throw e;
        setCancelled(true);
      }
    });
  // The pending graph.signIn answers signin.cancelled once main closed the loopback listener.
  const cancelSignIn = () => {
    unwrap(g.cancelSignIn({ profileId })).catch((e: unknown) => setError(toAppError(e)));
  };
  const signOut = () =>
    guard('signout', async () => {
      setCancelled(false);
      await unwrap(g.signOut({ profileId }));
      setStatus(null);
    });
  const preview = (call: () => Promise<PlanView>) =>
    guard('preview', async () => {
      setPlan(await call());
    });
  const readBack = () =>
    guard('fetch', async () => {
      setOutcome(null);
      setFetched(await unwrap(g.fetch({ profileId })));
    });
  const apply = () =>
    guard('apply', async () => {
      if (!plan) return;
      let out: ApplyOutcome;
      try {
        // The dialog stays open (“Sending…”) until Graph answered; the plan is spent either way.
        out = await unwrap(g.apply({ planId: plan.planId }));
      } finally {
        setPlan(null);
      }
      setOutcome(out);
      setFetched(out.after);
      setRetested(null);
      if (out.action === 'create' && out.profileUpdated.includes('clientId')) setCreatedApp(true);
      if (out.action === 'rotate' && !out.failure) {
        setRotated({
          passwordKeyId: out.newSecret?.keyId ?? null,
          thumbprintSha1: rotating?.thumbprintSha1 ?? null,
          tested: out.test?.ok ?? false,
        });
        setRotations((n) => n + 1);
      }
      if (out.action === 'remove-old' && !out.failure) setRotated(null);
      onChanged?.();
    });
  const retest = () =>
    guard('retest', async () => {
      const out = await unwrap(
        workbench().signin.appOnly({ profileId, credential: usesCertificate ? 'certificate' : 'secret' }),
      );
      setRetested(
        `The sign-in test with the new ${usesCertificate ? 'certificate' : 'client secret'} passed${out.result.claims?.roles.length ? ` (roles: ${out.result.claims.roles.join(', ')})` : ''}. You can remove the old one now.`,
      );
      setRotated((r) => (r ? { ...r, tested: true } : r));
    });

  const blocked = busy !== null || plan !== null;
  const sending = busy === 'apply';
  return (
    <section aria-labelledby="graph-panel-heading" className={styles.panel} data-testid="graph-panel">
      <H id="graph-panel-heading">App registration through Microsoft Graph</H>
      <Text>
        Create, verify, repair and rotate this profile’s app registration without the admin center. Every change is
        shown first as requests (method, address, body; secrets masked) and sent only when you confirm; afterwards the
        app is read back and verified against the profile.
      </Text>
      <ManagementSignIn
        status={status}
        creating={!hasApp}
        waiting={busy === 'signin'}
        cancelled={cancelled}
        disabled={blocked}
        onSignIn={(c) => void signIn(c)}
        onCancel={cancelSignIn}
        onSignOut={() => void signOut()}
      />
      {status && !hasApp ? (
        <div className={styles.box} role="group" aria-labelledby="graph-create-heading">
          <Text as="h4" weight="semibold" id="graph-create-heading">
            2. Create the app registration
          </Text>
          <RadioGroup
            value={credential}
            onChange={(_e, d) => setCredential(d.value as typeof credential)}
            aria-label="Credential of the new app"
          >
            {usesCertificate ? (
              <Radio value="profile-certificate" label="Register the profile’s certificate (public key only)" />
            ) : (
              <Radio
                value="new-secret"
                label="Make a new client secret (shown masked in the preview, stored in this computer’s keychain)"
              />
            )}
            <Radio value="none" label="No credential yet" />
          </RadioGroup>
          <div className={styles.row}>
            {credential === 'new-secret' ? (
              <SecretMonthsField label="Secret valid for (months)" months={months} onChange={setMonths} />
            ) : null}
            <Button
              appearance="primary"
              disabled={blocked}
              onClick={() =>
                void preview(() =>
                  unwrap(
                    g.previewCreate({
                      profileId,
                      credential,
                      secretMonths: Number(months),
                      consent: status.scopes.some((s) => /PermissionGrant|AppRoleAssignment/i.test(s)),
                    }),
                  ),
                )
              }
            >
              Preview create
            </Button>
          </div>
        </div>
      ) : null}
      {status && hasApp ? (
        <div className={styles.box} role="group" aria-labelledby="graph-verify-heading">
          <Text as="h4" weight="semibold" id="graph-verify-heading">
            2. Verify, repair and rotate
          </Text>
          <div className={styles.row}>
            <Button disabled={blocked} onClick={() => void readBack()}>
              Read back and verify
            </Button>
          </div>
        </div>
      ) : null}
      <div role="status" aria-live="polite" data-testid="graph-busy">
        {busy && busy !== 'signin' ? <Spinner size="tiny" label={busyWords[busy]} /> : null}
        {retested ? <Text>{retested}</Text> : null}
      </div>
      <ErrorBar error={error} title="Microsoft Graph" />
      {outcome ? <ApplyResult outcome={outcome} /> : null}
      {status && fetched ? (
        <GraphVerification
          view={fetched}
          profileId={profileId}
          profileName={props.profileName}
          disabled={blocked}
          onPreviewRepair={(secretMonths) =>
            void preview(() => unwrap(g.previewRepair({ profileId, secretMonths, useProfileCertificate: true })))
          }
        />
      ) : null}
      {status && hasApp ? (
        <RotateSection
          key={rotations}
          usesCertificate={usesCertificate}
          fetched={fetched}
          rotated={rotated}
          disabled={blocked}
          onPreviewRotate={(c, thumbprintSha1) => {
            setRotating({ thumbprintSha1 });
            void preview(() => unwrap(g.previewRotate({ profileId, credential: c })));
          }}
          onPreviewRemove={(keys) => void preview(() => unwrap(g.previewRemoveOld({ profileId, ...keys })))}
          onRetest={rotated && !rotated.tested && auth !== 'byo-app' ? () => void retest() : null}
        />
      ) : null}
      <PreviewDialog
        preview={plan?.preview ?? null}
        busy={sending}
        onCancel={() => {
          if (plan) void g.discard({ planId: plan.planId });
          setPlan(null);
        }}
        onConfirm={() => void apply()}
      />
    </section>
  );
}
