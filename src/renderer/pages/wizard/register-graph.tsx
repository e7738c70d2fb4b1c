import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { workbench } from '../../lib/workbench';
import { GraphPanel } from '../app-registration/graph-panel';
import { NeedsProfile } from './needs-profile';
import type { StepProps } from './step-props';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalXL },
});

/**
 * The register step's other way: create (or verify, repair, rotate) the app registration through Microsoft Graph,
 * on the saved profile. A change Graph made to the profile (the new client ID, the admin's tenant) comes back into
 * the wizard's fields, so a later save of the details step keeps it.
 */
export function RegisterThroughGraph({ view, auth, act, setDraft, openStep }: StepProps) {
  const styles = useStyles();
  const id = view.state.profileId;
  const profile = view.profile?.profile ?? null;
  if (!id || !profile) {
    return (
      <section className={styles.box} aria-labelledby="register-graph-heading">
        <Text as="h3" size={400} weight="semibold" id="register-graph-heading">
          Or let the Workbench do it through Microsoft Graph
        </Text>
        <NeedsProfile
          what="Creating the app registration through Microsoft Graph (every request previewed, then verified)"
          onOpen={() => openStep('details')}
        />
      </section>
    );
  }
  const refresh = async () => {
    const next = await act(() => workbench().wizard.get({}));
    const p = next?.profile?.profile;
    if (p) setDraft({ clientId: p.clientId, tenant: p.tenant });
  };
  return (
    <div className={styles.box}>
      <GraphPanel
        profileId={id}
        profileName={view.profile?.name ?? profile.name}
        hasClientId={Boolean(profile.clientId.trim())}
        auth={auth}
        headingLevel={3}
        onChanged={() => void refresh()}
      />
    </div>
  );
}
