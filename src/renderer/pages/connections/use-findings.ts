import { useEffect, useRef, useState } from 'react';
import type { ProfileFinding, ProfileInputDraft } from '../../../shared/connections';
import { workbench } from '../../lib/workbench';
import { toInput, type Draft } from './draft';

/** Field-level findings for the draft, asked of main a moment after the admin stops typing; `build` turns the draft into the input (stable, e.g. from useCallback). */
export function useFindings(
  draft: Draft | null,
  id: string | null,
  delayMs = 350,
  build: (draft: Draft) => ProfileInputDraft = toInput,
): { findings: ProfileFinding[]; checking: boolean } {
  // The findings with what they were asked for: checking until the answer is for the draft on screen.
  const [answer, setAnswer] = useState<{
    draft: Draft | null;
    id: string | null;
    build: typeof build | null;
    findings: ProfileFinding[];
  }>({ draft: null, id: null, build: null, findings: [] });
  const sequence = useRef(0);
  useEffect(() => {
    if (!draft) return;
    const mine = ++sequence.current;
    const timer = window.setTimeout(() => {
      void workbench()
        .profiles.validate({ id, profile: build(draft) })
        .then((result) => {
          // A slower answer for an older draft must not overwrite a newer one.
          if (mine !== sequence.current) return;
          setAnswer((a) => ({ draft, id, build, findings: result.ok ? result.value : a.findings }));
        });
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [draft, id, delayMs, build]);
  const checking = draft !== null && (answer.draft !== draft || answer.id !== id || answer.build !== build);
  return { findings: answer.findings, checking };
}

/** Props for a Fluent Field from the findings of its fields: the most serious one sets the state, every message is listed. */
export function fieldState(findings: ProfileFinding[], fields: string[], visible: boolean) {
  const mine = visible ? findings.filter((f) => fields.includes(f.field)) : [];
  if (mine.length === 0) return {};
  const state: 'error' | 'warning' | 'none' = mine.some((f) => f.severity === 'error')
    ? 'error'
    : mine.some((f) => f.severity === 'warning')
      ? 'warning'
      : 'none';
  return { validationState: state, validationMessage: mine.map((f) => f.message).join(' ') };
}
