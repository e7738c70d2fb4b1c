import { Checkbox, Field, makeStyles, Radio, RadioGroup, SearchBox, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PermissionKind, ScopeRow } from '../../../shared/permissions';
import { workbench } from '../../lib/workbench';
import { ScopeRowView } from './scope-row';
import { includes, toggled, type ScopeSelection } from './selection';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', flexWrap: 'wrap' },
});

/** Search every Microsoft Graph permission by words and add it to the choice. */
export function PermissionSearch({
  value,
  appOnly,
  onChange,
}: {
  value: ScopeSelection;
  appOnly: boolean;
  onChange: (value: ScopeSelection) => void;
}) {
  const styles = useStyles();
  const [words, setWords] = useState('');
  const [kind, setKind] = useState<PermissionKind>('delegated');
  const [rows, setRows] = useState<ScopeRow[]>([]);

  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      void workbench()
        .scopes.search({ words, kind })
        .then((r) => current && r.ok && setRows(r.value));
    }, 200);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [words, kind]);

  const list = kind === 'delegated' ? value.delegated : value.application;
  return (
    <>
      <div className={styles.bar}>
        <Field
          label="Search Microsoft Graph permissions"
          hint="Words of the name or description, e.g. “sites selected” or “mail read”."
        >
          <SearchBox value={words} onChange={(_e, d) => setWords(d.value)} />
        </Field>
        <Field
          label="Kind"
          hint="Delegated: a user signs in (the connection’s scopes). Application: app-only access, always with admin consent."
        >
          <RadioGroup layout="horizontal" value={kind} onChange={(_e, d) => setKind(d.value as PermissionKind)}>
            <Radio value="delegated" label="Delegated" />
            <Radio value="application" label={appOnly ? 'Application' : 'Application (app-only)'} />
          </RadioGroup>
        </Field>
      </div>
      <div role="status" aria-live="polite">
        {words.trim() === '' ? (
          <Text>Type to search all Microsoft Graph permissions.</Text>
        ) : (
          <Text>
            {rows.length === 0
              ? 'No permission matches.'
              : `${rows.length === 1 ? '1 permission matches' : `${rows.length} permissions match`}${rows.length === 30 ? ' (first 30)' : ''}.`}
          </Text>
        )}
      </div>
      {rows.map((row) => (
        <ScopeRowView
          key={`${row.kind}:${row.value}`}
          row={row}
          control={
            <Checkbox
              label={row.value}
              checked={includes(list, row.value)}
              onChange={(_e, d) => onChange({ ...value, [row.kind]: toggled(list, row.value, d.checked === true) })}
            />
          }
        />
      ))}
    </>
  );
}
