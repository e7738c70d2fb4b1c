import type { InputProps } from '@fluentui/react-components';
import { useState } from 'react';
import { normalizeDomain } from '../../../shared/connections';
import type { FieldKit } from './field-kit';

/** The domain input's props: a pasted `https://host/…` becomes `host` at once, and again when the field is left; `note` says so. */
export function useDomainInput(kit: FieldKit): { input: InputProps; note: string | null } {
  const [note, setNote] = useState<string | null>(null);
  const take = (value: string) => {
    const host = normalizeDomain(value);
    if (host !== value.trim()) setNote(`Kept the host name only: ${host || '(none)'}.`);
    kit.set({ domain: host }, 'domain');
  };
  const input: InputProps = {
    value: kit.draft.domain,
    maxLength: 253,
    spellCheck: false,
    onChange: (_e, d) => {
      setNote(null);
      kit.set({ domain: d.value }, 'domain');
    },
    onPaste: (e) => {
      const text = e.clipboardData.getData('text');
      if (normalizeDomain(text) === text.trim()) return;
      e.preventDefault();
      take(text);
    },
    onBlur: () => {
      if (normalizeDomain(kit.draft.domain) !== kit.draft.domain) take(kit.draft.domain);
    },
  };
  return { input, note };
}
