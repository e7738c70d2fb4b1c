import { z } from 'zod';
import { profileFileSchema } from '../../shared/connections-schema';

/** The JSON Schema (draft 2020-12) of a profile file; docs/profile.schema.json is this, checked by a unit test. */
export function profileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(profileFileSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'urn:graph-connection-workbench:profile-file:1',
    title: 'Graph Connection Workbench connection profile',
    description:
      'A connection profile exported by the Workbench or written by `gcw profile new`. It never holds a client secret, a certificate password, a private key or PFX bytes. See docs/profile-format.md.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
