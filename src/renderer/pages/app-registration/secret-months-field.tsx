import { Dropdown, Field, Option } from '@fluentui/react-components';

/** The lifetimes offered for a new client secret, in months. */
const monthChoices = ['3', '6', '12', '24'];

/** A new client secret's lifetime in months (create, repair and rotate ask the same question). */
export function SecretMonthsField(props: { label: string; months: string; onChange: (months: string) => void }) {
  return (
    <Field label={props.label}>
      <Dropdown
        value={props.months}
        selectedOptions={[props.months]}
        onOptionSelect={(_e, d) => props.onChange(d.optionValue ?? '6')}
      >
        {monthChoices.map((m) => (
          <Option key={m} value={m}>
            {m}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
