import {
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { authKinds, authLabels, type AuthKind } from '../../../shared/connections';
import type { EnvironmentInfo } from '../../../shared/contract/profiles';
import type { EnvironmentId } from '../../../shared/environments';
import { optionLabel, recommendOption, type WizardGuide, type WizardInput } from '../../../shared/wizard';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  option: { display: 'flex', flexDirection: 'column' },
  summary: { color: tokens.colorNeutralForeground2, paddingLeft: '32px', marginTop: `-${tokens.spacingVerticalXS}` },
});

/** What each option is, in one line, under its radio button. */
export const optionSummaries: Record<AuthKind, string> = {
  certificate:
    'A service account (UPN) signs in; the app proves itself with a certificate (PFX), valid for 1 to 3 years.',
  'client-credentials': 'A service account signs in; the app proves itself with a client secret (at most 24 months).',
  'byo-app':
    'People sign in through your own app registration; it comes back to https://{your domain}/provisioning_/callback.',
};

/** Step 1: a short decision guide that recommends an option, and the choice itself. */
export function DecideStep({
  state,
  environments,
  onChange,
}: {
  state: WizardInput;
  environments: EnvironmentInfo[];
  onChange: (next: WizardInput) => void;
}) {
  const styles = useStyles();
  const recommendation = recommendOption(state.guide);
  const answer = (patch: Partial<WizardGuide>) => {
    const guide = { ...state.guide, ...patch };
    const before = recommendOption(state.guide)?.auth ?? null;
    const after = recommendOption(guide)?.auth ?? null;
    // The choice follows the recommendation until the admin picks something else.
    const auth = state.auth === null || state.auth === before ? after : state.auth;
    const draft = patch.environment ? { ...state.draft, environment: patch.environment } : state.draft;
    onChange({
      ...state,
      guide,
      auth,
      draft: auth !== state.auth ? { ...draft, scopes: '', appOnlyPermissions: '' } : draft,
    });
  };
  const choose = (auth: AuthKind) =>
    onChange({
      ...state,
      auth,
      draft: auth !== state.auth ? { ...state.draft, scopes: '', appOnlyPermissions: '' } : state.draft,
    });
  return (
    <div className={styles.form}>
      <Field
        label="Who signs in when the automation runs?"
        hint="The connection signs in as someone: each person through the browser, or one service account without anyone at the keyboard."
      >
        <RadioGroup
          value={state.guide.signsIn ?? ''}
          onChange={(_e, d) => answer({ signsIn: d.value as WizardGuide['signsIn'] })}
        >
          <Radio value="person" label="People, each with their own account, in the browser" />
          <Radio value="unattended" label="A service account, unattended" />
        </RadioGroup>
      </Field>
      <Field
        label="Do you need triggers?"
        hint="Triggers start an automation when a file or list item changes; they need a sign-in that keeps refreshing."
      >
        <RadioGroup
          layout="horizontal"
          value={state.guide.triggers ?? ''}
          onChange={(_e, d) => answer({ triggers: d.value as WizardGuide['triggers'] })}
        >
          <Radio value="yes" label="Yes" />
          <Radio value="no" label="No, only actions" />
        </RadioGroup>
      </Field>
      <Field
        label="Certificate or client secret?"
        hint="How the app proves itself to Microsoft Entra. A certificate is safer and lasts longer; a secret is quicker to set up."
      >
        <RadioGroup
          layout="horizontal"
          value={state.guide.credential ?? ''}
          onChange={(_e, d) => answer({ credential: d.value as WizardGuide['credential'] })}
        >
          <Radio value="certificate" label="Certificate" />
          <Radio value="secret" label="Client secret" />
          <Radio value="either" label="No preference" />
        </RadioGroup>
      </Field>
      <Field
        label="Which Microsoft cloud is the tenant in?"
        hint="Most tenants are in the global cloud. US Government and China tenants have their own sign-in, Graph and admin-center hosts."
      >
        <Select
          value={state.guide.environment ?? state.draft.environment}
          onChange={(_e, d) => answer({ environment: d.value as EnvironmentId })}
        >
          {environments.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </Select>
      </Field>
      <div role="status" aria-live="polite">
        {recommendation ? (
          <MessageBar intent="info" layout="multiline" data-testid="recommendation">
            <MessageBarBody>
              <MessageBarTitle>Recommended: {authLabels[recommendation.auth]}</MessageBarTitle>
              <ul className={styles.reasons}>
                {recommendation.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : (
          <Text>Answer “Who signs in” for a recommendation, or choose an option yourself.</Text>
        )}
      </div>
      <Field
        label="Authentication option"
        hint="What the connection page calls it. You can choose another option than the recommended one."
        required
      >
        <RadioGroup value={state.auth ?? ''} onChange={(_e, d) => choose(d.value as AuthKind)}>
          {authKinds.map((k) => (
            <div key={k} className={styles.option}>
              <Radio value={k} label={optionLabel(k, recommendation?.auth ?? null)} aria-describedby={`option-${k}`} />
              <Text size={200} className={styles.summary} id={`option-${k}`}>
                {optionSummaries[k]}
              </Text>
            </div>
          ))}
        </RadioGroup>
      </Field>
    </div>
  );
}
