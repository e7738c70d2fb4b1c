import {
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ScopeBuild } from '../../../shared/contract/scopes';
import { CopyButton } from '../../components/copy-button';
import { workbench } from '../../lib/workbench';
import type { ScopeSelection } from './selection';

const useStyles = makeStyles({
  outputs: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  value: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  code: {
    flexGrow: 1,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    maxHeight: '240px',
    overflowY: 'auto',
  },
});

/** The outputs of a choice: the scope string and the requiredResourceAccess JSON (each copyable), hints and gaps. */
export function ScopeOutputs({ build, selection }: { build: ScopeBuild; selection: ScopeSelection }) {
  const styles = useStyles();
  return (
    <section className={styles.outputs} aria-label="Outputs">
      {build.missingMinimum.length > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Below the documented minimum</MessageBarTitle>
            The connector also needs: {build.missingMinimum.join(', ')}.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {build.unknown.length > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Not Microsoft Graph permissions</MessageBarTitle>
            {build.unknown.map((u) => `${u.value} (${u.kind})`).join(', ')} — left out of the outputs. Check the
            spelling or pick them from the search.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field
        label="Scope string"
        hint="Paste into the Scopes field of the connection page: delegated permissions separated by spaces."
      >
        <div className={styles.value}>
          <pre className={styles.code} data-testid="scope-string" tabIndex={0}>
            {build.scopeString || '(no delegated permission chosen)'}
          </pre>
          <CopyButton
            label="scope string"
            copy={() => workbench().scopes.copyScopeString({ delegated: selection.delegated })}
          />
        </div>
      </Field>
      <Field
        label="requiredResourceAccess (app manifest)"
        hint="Scope entries are delegated permissions, Role entries application permissions. Paste into the app registration’s Manifest."
      >
        <div className={styles.value}>
          <pre className={styles.code} data-testid="required-resource-access" tabIndex={0}>
            {build.requiredResourceAccessJson}
          </pre>
          <CopyButton
            label="requiredResourceAccess JSON"
            copy={() => workbench().scopes.copyRequiredResourceAccess(selection)}
          />
        </div>
      </Field>
      {build.appOnlyScope ? (
        <Field
          label="Scope of an app-only token request"
          hint="The client-credentials grant always asks for /.default: the token carries every application permission the admin consented to."
        >
          <div className={styles.value}>
            <pre className={styles.code}>{build.appOnlyScope}</pre>
            <CopyButton
              label="app-only scope"
              copy={() => workbench().clipboard.copyText({ text: build.appOnlyScope ?? '' })}
            />
          </div>
        </Field>
      ) : null}
      {build.hints.length > 0 ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Least privilege</MessageBarTitle>
            <ul>
              {build.hints.map((h) => (
                <li key={`${h.kind}:${h.permission}:${h.suggestion ?? ''}`}>
                  <Text>{h.message}</Text>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
