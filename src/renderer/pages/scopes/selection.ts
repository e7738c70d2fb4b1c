import type { ChecklistLine } from '../../../shared/permissions';

/** Permissions chosen on the Scopes page or in the form's scope dialog. */
export interface ScopeSelection {
  delegated: string[];
  application: string[];
}

/** True when the list holds the value (scope names are case-insensitive in Microsoft Entra). */
export function includes(list: readonly string[], value: string): boolean {
  return list.some((v) => v.toLowerCase() === value.toLowerCase());
}

/** Add or remove one value, keeping the order of the rest. */
export function toggled(list: readonly string[], value: string, on: boolean): string[] {
  const rest = list.filter((v) => v.toLowerCase() !== value.toLowerCase());
  return on ? [...rest, value] : rest;
}

/** Pick one option of a choice line ("User.Read or User.Read.All"), dropping the others. */
export function chosen(list: readonly string[], line: ChecklistLine, value: string): string[] {
  const others = line.options.map((o) => o.value).filter((v) => v !== value);
  const without = list.filter((v) => !includes(others, v));
  return includes(without, value) ? without : [...without, value];
}

/** Make sure each line is covered, adding its least-privileged option where none is chosen. */
export function covering(list: readonly string[], lines: readonly ChecklistLine[]): string[] {
  let out = [...list];
  for (const line of lines) {
    if (!line.options.some((o) => includes(out, o.value)) && line.options[0]) out = [...out, line.options[0].value];
  }
  return out;
}
