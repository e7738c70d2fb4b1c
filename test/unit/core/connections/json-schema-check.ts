// A small JSON Schema checker for the keywords docs/profile.schema.json uses; it refuses schemas with any other keyword.

type Schema = Record<string, unknown>;

const annotations = new Set(['$schema', '$id', 'title', 'description', 'default', 'format']);
const supported = new Set([
  ...annotations,
  'type',
  'const',
  'enum',
  'maxLength',
  'minLength',
  'pattern',
  'minimum',
  'maximum',
  'items',
  'maxItems',
  'properties',
  'required',
  'additionalProperties',
  'anyOf',
  'oneOf',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Errors of `value` against `schema` (empty when it is valid). */
export function checkJsonSchema(schema: Schema, value: unknown, path = '$'): string[] {
  for (const key of Object.keys(schema))
    if (!supported.has(key)) throw new Error(`json-schema-check does not support "${key}" (at ${path})`);
  const errors: string[] = [];
  if (typeof schema.type === 'string') {
    const actual = typeOf(value);
    const ok = schema.type === actual || (schema.type === 'number' && actual === 'integer');
    if (!ok) return [`${path}: expected ${schema.type}, got ${actual}`];
  }
  if ('const' in schema && value !== schema.const) errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    errors.push(`${path}: not one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.maxLength === 'number' && length > schema.maxLength)
      errors.push(`${path}: longer than ${schema.maxLength}`);
    if (typeof schema.minLength === 'number' && length < schema.minLength)
      errors.push(`${path}: shorter than ${schema.minLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      errors.push(`${path}: does not match ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
      errors.push(`${path}: more than ${schema.maxItems} items`);
    if (schema.items)
      value.forEach((item, i) => errors.push(...checkJsonSchema(schema.items as Schema, item, `${path}[${i}]`)));
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[])
      if (!(name in object)) errors.push(`${path}: missing "${name}"`);
    for (const [name, item] of Object.entries(object)) {
      if (properties[name]) errors.push(...checkJsonSchema(properties[name], item, `${path}.${name}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected "${name}"`);
    }
  }
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s) => checkJsonSchema(s as Schema, value, path).length === 0))
    errors.push(`${path}: matches none of anyOf`);
  if (Array.isArray(schema.oneOf)) {
    const matching = schema.oneOf.filter((s) => checkJsonSchema(s as Schema, value, path).length === 0).length;
    if (matching !== 1) errors.push(`${path}: matches ${matching} of oneOf (must be exactly 1)`);
  }
  return errors;
}
