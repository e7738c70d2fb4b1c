import { Field, Input, makeStyles, Radio, RadioGroup, Select, tokens } from '@fluentui/react-components';
import { redirectUriFor } from '../../../shared/connections';
import { useDomainInput } from './domain-input';
import type { EnvironmentId } from '../../../shared/environments';
import { CopyButton } from '../../components/copy-button';
import { workbench } from '../../lib/workbench';
import type { FieldKit } from './field-kit';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  grow: { flexGrow: 1 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

/** The profile's own name. */
export function NameField({ kit }: { kit: FieldKit }) {
  return (
    <Field
      label="Profile name"
      hint="How you find this connection again, e.g. “Contoso – OneDrive robot”."
      required
      {...kit.show(['name'], 'name')}
    >
      <Input value={kit.draft.name} maxLength={200} onChange={(_e, d) => kit.set({ name: d.value }, 'name')} />
    </Field>
  );
}

/** Application (client) ID. */
export function ClientIdField({ kit }: { kit: FieldKit }) {
  const styles = useStyles();
  return (
    <Field
      label="Client ID"
      hint="The Application (client) ID on the app registration’s Overview page: a GUID."
      required
      {...kit.show(['clientId'], 'clientId')}
    >
      <Input
        className={styles.mono}
        value={kit.draft.clientId}
        maxLength={100}
        spellCheck={false}
        onChange={(_e, d) => kit.set({ clientId: d.value }, 'clientId')}
      />
    </Field>
  );
}

/** Directory (tenant) ID or a verified domain. */
export function TenantField({ kit }: { kit: FieldKit }) {
  const styles = useStyles();
  const hint =
    kit.draft.auth === 'client-credentials'
      ? 'The Directory (tenant) ID GUID or a verified domain. “common” is the connection page’s default; an app-only test needs the tenant named.'
      : 'The Directory (tenant) ID GUID, or a verified domain such as contoso.onmicrosoft.com.';
  return (
    <Field label="Tenant ID" hint={hint} required {...kit.show(['tenant'], 'tenant')}>
      <Input
        className={styles.mono}
        value={kit.draft.tenant}
        maxLength={256}
        spellCheck={false}
        onChange={(_e, d) => kit.set({ tenant: d.value }, 'tenant')}
      />
    </Field>
  );
}

/** The account the certificate connection signs in as. */
export function UpnField({ kit }: { kit: FieldKit }) {
  return (
    <Field
      label="Account UPN"
      hint="The user principal name of the account the connection signs in as, e.g. robot@contoso.com."
      required
      {...kit.show(['upn'], 'upn')}
    >
      <Input
        type="email"
        value={kit.draft.upn}
        maxLength={256}
        spellCheck={false}
        onChange={(_e, d) => kit.set({ upn: d.value }, 'upn')}
      />
    </Field>
  );
}

/** Single- or multi-tenant app registration. */
export function AudienceField({ kit }: { kit: FieldKit }) {
  return (
    <Field
      label="Who may sign in to the app"
      hint="Supported account types on the app registration: this organisation only (single-tenant) or any organisation (multi-tenant)."
    >
      <RadioGroup
        layout="horizontal"
        value={kit.draft.audience}
        onChange={(_e, d) => kit.set({ audience: d.value as 'single-tenant' | 'multi-tenant' }, 'tenant')}
      >
        <Radio value="single-tenant" label="Single-tenant" />
        <Radio value="multi-tenant" label="Multi-tenant" />
      </RadioGroup>
    </Field>
  );
}

/** The admin's domain and the redirect URI computed from it, with a copy button. */
export function DomainFields({ kit }: { kit: FieldKit }) {
  const styles = useStyles();
  const uri = redirectUriFor(kit.draft.domain);
  const domain = useDomainInput(kit);
  return (
    <>
      <Field
        label="Your domain"
        hint={
          domain.note ??
          'The host name of your automation platform, e.g. cloud.example.com (no https://). The redirect URI is built from it.'
        }
        required
        {...kit.show(['domain'], 'domain')}
      >
        <Input {...domain.input} />
      </Field>
      <Field
        label="Redirect URI"
        hint="Register this exact URI as a Web redirect URI on the app registration (Authentication page)."
        {...kit.show(['redirectUri'], 'domain')}
      >
        <div className={styles.row}>
          <Input
            className={`${styles.grow} ${styles.mono}`}
            readOnly
            value={uri}
            placeholder="Enter your domain first"
          />
          {uri ? <CopyButton label="redirect URI" copy={() => workbench().clipboard.copyText({ text: uri })} /> : null}
        </div>
      </Field>
    </>
  );
}

/** The cloud, and the admin's https hosts for Custom. */
export function EnvironmentFields({ kit }: { kit: FieldKit }) {
  const styles = useStyles();
  const chosen = kit.environments.find((e) => e.id === kit.draft.environment);
  const hint = chosen?.loginHost
    ? `Sign-in: https://${chosen.loginHost} · Microsoft Graph: https://${chosen.graphHost}`
    : 'Give the sign-in and Microsoft Graph hosts of your cloud (https only).';
  return (
    <>
      <Field label="Environment" hint={hint} {...kit.show(['environment', 'customHosts'], 'environment')}>
        <Select
          value={kit.draft.environment}
          onChange={(_e, d) => kit.set({ environment: d.value as EnvironmentId }, 'environment')}
        >
          {kit.environments.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </Select>
      </Field>
      {kit.draft.environment === 'custom' ? (
        <>
          <Field
            label="Sign-in host"
            hint="The host of the identity provider, e.g. login.example.net; https is implied."
            required
            {...kit.show(['customHosts.loginHost'], 'customHosts.loginHost')}
          >
            <Input
              className={styles.mono}
              contentBefore="https://"
              value={kit.draft.loginHost}
              maxLength={253}
              spellCheck={false}
              onChange={(_e, d) => kit.set({ loginHost: d.value }, 'customHosts.loginHost')}
            />
          </Field>
          <Field
            label="Microsoft Graph host"
            hint="The Graph endpoint’s host, e.g. graph.example.net; https is implied."
            required
            {...kit.show(['customHosts.graphHost'], 'customHosts.graphHost')}
          >
            <Input
              className={styles.mono}
              contentBefore="https://"
              value={kit.draft.graphHost}
              maxLength={253}
              spellCheck={false}
              onChange={(_e, d) => kit.set({ graphHost: d.value }, 'customHosts.graphHost')}
            />
          </Field>
        </>
      ) : null}
    </>
  );
}
