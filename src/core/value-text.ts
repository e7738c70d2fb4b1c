/**
 * Any value from input as text for a message: objects and arrays (and null) as JSON, so a message never reads
 * "[object Object]"; strings, numbers, booleans as themselves.
 */
export function valueText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'symbol':
      return value.toString();
    case 'undefined':
      return 'undefined';
    case 'function':
      return '(a function)';
    default:
      return JSON.stringify(value);
  }
}
