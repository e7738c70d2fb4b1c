// Inputs built from a zod (v4) schema: valid by construction, so a fuzz run reaches the code behind the schema.
// Strings come from pools chosen by field name (real profile ids, certificate refs, GUIDs, URLs…) and are kept only
// if the field's own schema accepts them; a whole value is kept only if the whole schema accepts it.
import type { z } from 'zod';
import { pick } from './fuzz';

/** Candidate values for a field, by its name (the last key on the path); `*` is the fallback for any string. */
export type Pools = Record<string, () => unknown[]>;

interface Def {
  type: string;
  [key: string]: unknown;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const accepts = (schema: z.ZodType, value: unknown): boolean => schema.safeParse(value).success;

const NUMBERS = [0, 1, 2, 5, 10, 15, 30, 45, 60, 90, 120, 300, 600, 3600, 86_400, 7000215, 50011, 1.5, -1];

function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = pick(random, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const MISSING = Symbol('missing');
// A value of any type, or MISSING (a symbol no schema produces): written as unknown, which already includes the symbol.
type Sampled = unknown;

/** One value the schema accepts, or MISSING when none could be built from the pools. */
function sampleValue(schema: z.ZodType, key: string, random: () => number, pools: Pools, depth: number): Sampled {
  const def = defOf(schema);
  const inner = (s: unknown, k = key) => sampleValue(s as z.ZodType, k, random, pools, depth + 1);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
      return random() < 0.25 ? undefined : inner(def.innerType);
    case 'nullable':
      return random() < 0.2 ? null : inner(def.innerType);
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return inner((def.getter as () => z.ZodType)());
    case 'literal':
      return (def.values as unknown[])[pick(random, (def.values as unknown[]).length)];
    case 'enum': {
      const values = Object.values(def.entries as Record<string, unknown>);
      return values[pick(random, values.length)];
    }
    case 'boolean':
      return random() < 0.5;
    case 'null':
      return null;
    case 'undefined':
      return undefined;
    case 'number':
    case 'int':
      return shuffled(random, NUMBERS).find((n) => accepts(schema, n)) ?? MISSING;
    case 'string': {
      const named = pools[key]?.() ?? [];
      const fallback = pools['*']?.() ?? [];
      const found = [...shuffled(random, named), ...shuffled(random, fallback)].find((v) => accepts(schema, v));
      return found ?? MISSING;
    }
    case 'union': {
      for (const option of shuffled(random, def.options as z.ZodType[])) {
        const v = inner(option);
        if (v !== MISSING && accepts(schema, v)) return v;
      }
      return MISSING;
    }
    case 'array': {
      for (let attempt = 0; attempt < 6; attempt++) {
        const length = depth > 3 ? 0 : pick(random, 4);
        const items = Array.from({ length }, () => inner(def.element));
        if (items.every((i) => i !== MISSING) && accepts(schema, items)) return items;
      }
      return accepts(schema, []) ? [] : MISSING;
    }
    case 'object': {
      for (let attempt = 0; attempt < 8; attempt++) {
        const out: Record<string, unknown> = {};
        let ok = true;
        for (const [k, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
          const v = sampleValue(field, k, random, pools, depth + 1);
          if (v === MISSING) {
            ok = false;
            break;
          }
          if (v !== undefined) out[k] = v;
        }
        if (ok && accepts(schema, out)) return out;
      }
      return MISSING;
    }
    case 'record':
      return {};
    case 'tuple': {
      const items = (def.items as z.ZodType[]).map((i) => inner(i));
      return items.every((i) => i !== MISSING) && accepts(schema, items) ? items : MISSING;
    }
    case 'any':
    case 'unknown':
      return shuffled(random, pools[key]?.() ?? [null, 'text', 1, {}])[0];
    default:
      return MISSING;
  }
}

/** A value `schema` accepts, built from the pools; null when none was found in `attempts` tries. */
export function sampleValid(
  schema: z.ZodType,
  random: () => number,
  pools: Pools,
  attempts = 20,
): { value: unknown } | null {
  for (let i = 0; i < attempts; i++) {
    const v = sampleValue(schema, '', random, pools, 0);
    if (v !== MISSING && accepts(schema, v)) return { value: v };
  }
  return null;
}

/** Odd values a field may get in a mutation: other types, empty and huge strings, path and URL tricks. */
const ODD: unknown[] = [
  null,
  undefined,
  0,
  -1,
  1e21,
  true,
  '',
  ' ',
  'x'.repeat(70_000),
  '../../etc/passwd',
  'https://evil.example.com/',
  '\u0000',
  '😀',
  [],
  {},
];

/**
 * Field-by-field mutations of a valid object: each field gets another valid value (resampled), is left out, or
 * gets an odd value. Returns [description, input] pairs; some stay valid, the others test the schema's edges.
 */
export function mutateFields(
  schema: z.ZodType,
  valid: Record<string, unknown>,
  random: () => number,
  pools: Pools,
): Array<[string, unknown]> {
  const def = defOf(schema);
  if (def.type === 'pipe') return mutateFields(def.in as z.ZodType, valid, random, pools);
  // A union of object shapes (e.g. one per kind of profile): mutate within the option the value belongs to.
  if (def.type === 'union') {
    const option = (def.options as z.ZodType[]).find((o) => accepts(o, valid));
    return option ? mutateFields(option, valid, random, pools) : [];
  }
  const shape = def.type === 'object' ? (def.shape as Record<string, z.ZodType>) : null;
  if (!shape) return [];
  const out: Array<[string, unknown]> = [];
  for (const [k, field] of Object.entries(shape)) {
    const other = sampleValue(field, k, random, pools, 1);
    if (other !== MISSING) out.push([`${k}: another valid value`, { ...valid, [k]: other }]);
    const { [k]: _dropped, ...without } = valid;
    out.push([`${k}: left out`, without]);
    out.push([`${k}: odd value`, { ...valid, [k]: ODD[pick(random, ODD.length)] }]);
  }
  return out;
}
