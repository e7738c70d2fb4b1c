import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { authLabels, type AuthKind, type ProfileEntry } from '../../../shared/connections';
import type { EnvironmentInfo } from '../../../shared/contract/profiles';
import type { AppError } from '../../../shared/result';
import { useLeaveGuard } from '../../app/leave-guard';
import { ErrorBar } from '../../components/error-bar';
import { Page } from '../../components/page';
import { workbench } from '../../lib/workbench';
import { minimumOf } from '../scopes/scope-picker';
import { readCertificateInMain, type CertificateChosenHandler } from './certificate-seam';
import { CertificateFields, ClientSecretField, SecretExpiryField } from './credential-fields';
import { draftFromProfile, emptyDraft, toInput, type Draft } from './draft';
import { shownFields, type FieldKit } from './field-kit';
import {
  AudienceField,
  ClientIdField,
  DomainFields,
  EnvironmentFields,
  NameField,
  TenantField,
  UpnField,
} from './identity-fields';
import { SaveStatus } from '../../components/save-status';
import { NotesField, ScopeFields } from './scope-fields';
import { fieldState, useFindings } from './use-findings';
import { href, type Href } from '../../../shared/routes';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

/** The profile form of one option: new (`id` null, `auth` given) or editing a stored profile. Saves drafts even with errors. */
export function ProfileForm(props: {
  id: string | null;
  auth: AuthKind | null;
  go: (to: Href) => void;
  onCertificateChosen?: CertificateChosenHandler;
  /** A certificate held in main, handed over from the Certificates page ("Use in a connection"). */
  certificateRef?: string | null;
}) {
  const { id, go } = props;
  const styles = useStyles();
  const [entry, setEntry] = useState<ProfileEntry | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [baseline, setBaseline] = useState('');
  const [environments, setEnvironments] = useState<EnvironmentInfo[]>([]);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(id !== null);
  const justCreated = useRef<string | null>(null);

  useEffect(() => {
    void workbench()
      .profiles.environments({})
      .then((r) => r.ok && setEnvironments(r.value));
  }, []);

  useEffect(() => {
    if (id !== null && id === justCreated.current) return;
    let current = true;
    const load = async () => {
      if (id !== null) {
        const r = await workbench().profiles.get({ id });
        if (!current) return;
        if (!r.ok) return setLoadError(r.error);
        setEntry(r.value.entry);
        if (r.value.entry.profile) {
          const d = draftFromProfile(r.value.entry.profile);
          setDraft(d);
          setBaseline(JSON.stringify(d));
        }
        return;
      }
      const auth = props.auth ?? 'byo-app';
      const [settings, checklist] = await Promise.all([
        workbench().settings.get({}),
        workbench().scopes.checklist({ auth }),
      ]);
      if (!current) return;
      const d = {
        ...emptyDraft(auth, settings.ok ? settings.value.defaultEnvironment : 'office365'),
        scopes: checklist.ok ? minimumOf(checklist.value).join(' ') : '',
      };
      if (auth === 'certificate' && props.certificateRef) {
        const handoff = await workbench().certificates.handoff({ ref: props.certificateRef });
        if (!current) return;
        if (handoff.ok) {
          const { ref, ...facts } = handoff.value;
          Object.assign(d, {
            certificate: facts,
            certificateRef: ref,
            pfxFileName: facts.fileName,
            secretExpiresAt: facts.notAfter.slice(0, 10),
          });
        } else setLoadError(handoff.error);
      }
      setDraft(d);
      setBaseline(JSON.stringify(d));
    };
    void load();
    return () => {
      current = false;
    };
  }, [id, props.auth, props.certificateRef]);

  const dirty = draft !== null && JSON.stringify(draft) !== baseline;
  const leaveGuard = useLeaveGuard(dirty, draft?.name ? `The profile “${draft.name}”` : 'This connection profile');

  const { findings, checking } = useFindings(draft, id);
  const set = useCallback((patch: Partial<Draft>, field: string) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setTouched((t) => (t.has(field) ? t : new Set([...t, field])));
    setSavedMessage(null);
  }, []);
  const kit: FieldKit | null = useMemo(
    () =>
      draft
        ? {
            draft,
            set,
            entry,
            environments,
            show: (fields: string[], key: string) => fieldState(findings, fields, showAll || touched.has(key)),
          }
        : null,
    [draft, set, entry, environments, findings, showAll, touched],
  );

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setShowAll(true);
    const input = toInput(draft);
    const r =
      id !== null
        ? await workbench().profiles.update({ id, profile: input })
        : await workbench().profiles.create(input);
    setSaving(false);
    if (!r.ok) {
      // The draft stays as typed: nothing is lost when saving fails.
      setSaveError(r.error);
      return;
    }
    setSaveError(null);
    const kept = { ...draft, clientSecret: '', pfx: '', pfxFileName: null, pfxPassword: '' };
    setEntry(r.value.entry);
    setDraft(kept);
    setBaseline(JSON.stringify(kept));
    const errors = r.value.findings.filter((f) => f.severity === 'error').length;
    const saved =
      errors === 0
        ? `Saved “${r.value.entry.name}”.`
        : `Saved “${r.value.entry.name}” as a draft with ${errors} error${errors === 1 ? '' : 's'}: the connection will not work until ${errors === 1 ? 'it is' : 'they are'} fixed.`;
    // A changed cloud or host: main says what happened to the stored secrets (removed, or kept after its own dialog).
    setSavedMessage(r.value.hostChange ? `${saved} ${r.value.hostChange.message}` : saved);
    if (id === null) {
      justCreated.current = r.value.entry.id;
      // Saved: the form is clean although that has not rendered yet, so the guard lets this navigation through.
      leaveGuard.saved();
      go(href('connections', { edit: r.value.entry.id }));
    }
  };

  if (loadError) {
    return (
      <Page title="Connection profile">
        <ErrorBar error={loadError} title="The profile cannot be opened" />
        <div className={styles.actions}>
          <Button onClick={() => go(href('connections'))}>Back to connections</Button>
        </div>
      </Page>
    );
  }
  if (entry && !entry.editable) {
    return (
      <Page title={entry.name} description="This profile cannot be edited here.">
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{entry.problems.join(' ')}</MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button onClick={() => go(href('connections'))}>Back to connections</Button>
        </div>
      </Page>
    );
  }
  if (!draft || !kit) return <Spinner label="Loading the profile…" />;

  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const elsewhere = findings.filter((f) => !shownFields.has(f.field));
  const title = id === null ? `New connection: ${authLabels[draft.auth]}` : `Edit: ${entry?.name ?? draft.name}`;
  return (
    <Page
      title={title}
      description="Fill the fields the connection page asks for; each is checked as you type. Secrets go to the OS keychain, never into the profile."
    >
      <ErrorBar error={saveError} title="Not saved — your changes are still here" />
      {showAll && (errors.length > 0 || warnings.length > 0 || elsewhere.length > 0) ? (
        <MessageBar intent={errors.length > 0 ? 'error' : 'warning'} layout="multiline" data-testid="findings-summary">
          <MessageBarBody>
            <MessageBarTitle>
              {errors.length} error{errors.length === 1 ? '' : 's'}, {warnings.length} warning
              {warnings.length === 1 ? '' : 's'}
            </MessageBarTitle>
            {errors.length > 0 ? 'You can save a draft; the connection will not work until the errors are fixed. ' : ''}
            {elsewhere.map((f) => f.message).join(' ')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <form
        className={styles.form}
        aria-label={title}
        data-checking={checking ? 'true' : 'false'}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <NameField kit={kit} />
        {draft.auth === 'byo-app' ? <AudienceField kit={kit} /> : null}
        <ClientIdField kit={kit} />
        {draft.auth === 'certificate' ? (
          <CertificateFields kit={kit} onCertificateChosen={props.onCertificateChosen ?? readCertificateInMain} />
        ) : (
          <ClientSecretField kit={kit} />
        )}
        <SecretExpiryField kit={kit} />
        <TenantField kit={kit} />
        {draft.auth === 'byo-app' ? <DomainFields kit={kit} /> : null}
        <EnvironmentFields kit={kit} />
        {draft.auth === 'certificate' ? <UpnField kit={kit} /> : null}
        <ScopeFields kit={kit} />
        <NotesField kit={kit} />
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" icon={<SaveRegular />} disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </Button>
          <Button onClick={() => go(href('connections'))}>{dirty ? 'Cancel' : 'Back to connections'}</Button>
          {id !== null && !dirty ? (
            <Button onClick={() => go(href('connections', { sheet: id }))}>Connection sheet</Button>
          ) : null}
          <SaveStatus dirty={dirty} saved={savedMessage} problem={errors.length > 0} />
        </div>
      </form>
    </Page>
  );
}
