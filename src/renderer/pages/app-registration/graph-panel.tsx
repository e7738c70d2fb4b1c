import { Button, Field, Input, Radio, RadioGroup, Switch } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { ApplyOutcome, FetchView, ManagementStatus, PlanView } from '../../../shared/contract/graph';
import type { AppError } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { toAppError, unwrap, workbench } from '../../lib/workbench';
import { ApplyResult } from './apply-result';
import { PreviewDialog } from './preview-dialog';

type Action = 'fetch' | 'create' | 'repair' | 'rotate';

/** Change the profile's app registration through Microsoft Graph: sign in as an admin, preview, confirm, verify again. */
export function GraphPanel({ profileId, hasClientId, usesCertificate, headingLevel = 2 }: { profileId: string; hasClientId: boolean; usesCertificate: boolean; headingLevel?: 2 | 3 }) {
  const [status, setStatus] = useState<ManagementStatus | null>(null);
  const [client, setClient] = useState<'graph-cli' | 'own'>('graph-cli');
  const [ownId, setOwnId] = useState('');
  const [consent, setConsent] = useState(true);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [outcome, setOutcome] = useState<ApplyOutcome | null>(null);
  const [fetched, setFetched] = useState<FetchView | null>(null);
  const H = headingLevel === 2 ? 'h2' : 'h3';

  useEffect(() => {
    void unwrap(workbench().graph.status({ profileId })).then(setStatus, () => setStatus(null));
  }, [profileId]);

  const guard = useCallback(async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(null);
    }
  }, []);

  const signIn = (action: Action) =>
    guard('signin', async () => {
      setStatus(await unwrap(workbench().graph.signIn({ profileId, action, consent, client: client === 'own' ? { kind: 'own', clientId: ownId.trim() } : { kind: 'graph-cli' } })));
    });
  const preview = (label: string, call: () => Promise<PlanView>) =>
    guard(label, async () => {
      setOutcome(null);
      setPlan(await call());
    });
  const g = workbench().graph;

  return (
    <section aria-labelledby="graph-panel-heading" data-testid="graph-panel">
      <H id="graph-panel-heading">App registration through Microsoft Graph</H>
      <p>Every change is shown as requests (method, address, body) before anything is sent, then the app is read back and verified.</p>
      <RadioGroup value={client} onChange={(_e, d) => setClient(d.value as 'graph-cli' | 'own')} aria-label="Management app">
        <Radio value="graph-cli" label="Microsoft Graph Command Line Tools (Microsoft’s public client, where your tenant allows it)" />
        <Radio value="own" label="My own management app (a public client with http://localhost)" />
      </RadioGroup>
      {client === 'own' ? (
        <Field label="Management app client ID">
          <Input value={ownId} onChange={(_e, d) => setOwnId(d.value)} />
        </Field>
      ) : null}
      <Switch checked={consent} onChange={(_e, d) => setConsent(d.checked)} label="Also grant admin consent when creating" />
      <div>
        <Button disabled={busy !== null} onClick={() => void signIn(hasClientId ? 'repair' : 'create')}>
          {busy === 'signin' ? 'Waiting for the browser…' : status ? `Signed in as ${status.account ?? 'administrator'} — sign in again` : 'Sign in as administrator'}
        </Button>
        {status ? <span data-testid="graph-scopes"> Scopes: {status.scopes.join(', ')}</span> : null}
      </div>
      <div role="group" aria-label="App registration actions">
        {!hasClientId ? (
          <Button disabled={!status || busy !== null} onClick={() => void preview('create', () => unwrap(g.previewCreate({ profileId, credential: usesCertificate ? 'profile-certificate' : 'new-secret', secretMonths: 6, consent })))}>
            Preview create
          </Button>
        ) : (
          <>
            <Button disabled={!status || busy !== null} onClick={() => void guard('fetch', async () => setFetched(await unwrap(g.fetch({ profileId }))))}>
              Fetch and verify
            </Button>
            <Button disabled={!status || busy !== null} onClick={() => void preview('repair', () => unwrap(g.previewRepair({ profileId, secretMonths: null })))}>
              Preview repair
            </Button>
            {!usesCertificate ? (
              <Button disabled={!status || busy !== null} onClick={() => void preview('rotate', () => unwrap(g.previewRotate({ profileId, credential: { kind: 'secret', months: 6 } })))}>
                Preview secret rotation
              </Button>
            ) : null}
          </>
        )}
      </div>
      <ErrorBar error={error} title="Microsoft Graph" />
      {fetched ? (
        <div data-testid="graph-fetched">
          <p>
            Verified {fetched.appId}: {fetched.report.counts.error} error(s), {fetched.report.counts.warning} warning(s).
          </p>
          {fetched.passwords.length > 1 ? (
            <Button disabled={busy !== null} onClick={() => void preview('remove', () => unwrap(g.previewRemoveOld({ profileId, passwordKeyIds: fetched.passwords.slice(0, -1).map((p) => p.keyId) })))}>
              Preview removing the older secrets
            </Button>
          ) : null}
        </div>
      ) : null}
      <PreviewDialog
        preview={plan?.preview ?? null}
        busy={busy === 'apply'}
        onCancel={() => {
          if (plan) void g.discard({ planId: plan.planId });
          setPlan(null);
        }}
        onConfirm={() =>
          void guard('apply', async () => {
            if (!plan) return;
            const out = await unwrap(g.apply({ planId: plan.planId }));
            setPlan(null);
            setOutcome(out);
            if (out.after) setFetched(out.after);
          })
        }
      />
      {outcome ? <ApplyResult outcome={outcome} /> : null}
    </section>
  );
}
