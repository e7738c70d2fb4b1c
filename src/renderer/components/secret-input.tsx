import { Button, Input, type InputProps } from '@fluentui/react-components';
import { EyeOffRegular, EyeRegular } from '@fluentui/react-icons';
import { useState } from 'react';

/** A password or secret field with a show/hide button; never autocompleted or spell-checked. */
export function SecretInput(props: Omit<InputProps, 'type' | 'contentAfter'> & { label: string }) {
  const [shown, setShown] = useState(false);
  const { label, ...rest } = props;
  return (
    <Input
      {...rest}
      type={shown ? 'text' : 'password'}
      autoComplete="off"
      spellCheck={false}
      contentAfter={
        <Button
          appearance="transparent"
          size="small"
          aria-label={shown ? `Hide ${label}` : `Show ${label}`}
          aria-pressed={shown}
          icon={shown ? <EyeOffRegular /> : <EyeRegular />}
          onClick={() => setShown((s) => !s)}
        />
      }
    />
  );
}
