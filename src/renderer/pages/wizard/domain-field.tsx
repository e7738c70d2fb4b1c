import { Field, Input } from '@fluentui/react-components';
import { useDomainInput } from '../connections/domain-input';
import type { FieldKit } from '../connections/field-kit';

/** The admin's domain, from which the connector's redirect URI is built (bring your own app). */
export function DomainField({ kit }: { kit: FieldKit }) {
  const domain = useDomainInput(kit);
  return (
    <Field
      label="Your domain"
      hint={
        domain.note ??
        'The host name of your automation platform, e.g. cloud.example.com (no https://). The redirect URI https://{domain}/provisioning_/callback is built from it.'
      }
      required
      {...kit.show(['domain', 'redirectUri'], 'domain')}
    >
      <Input {...domain.input} />
    </Field>
  );
}
