import { Button, Tooltip } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Result } from '../../shared/result';

/** Copies through main (so secrets can be cleared from the clipboard later); says what was copied. */
export function CopyButton({
  label,
  copy,
}: {
  label: string;
  copy: () => Promise<Result<{ clearsInSeconds: number | null }>>;
}) {
  const [status, setStatus] = useState<string | null>(null);
  const onClick = async () => {
    const result = await copy();
    if (!result.ok) setStatus(result.error.message);
    else
      setStatus(
        result.value.clearsInSeconds
          ? `Copied; cleared from the clipboard in ${result.value.clearsInSeconds} s`
          : 'Copied',
      );
    window.setTimeout(() => setStatus(null), 4000);
  };
  return (
    <>
      <Tooltip content={status ?? `Copy ${label}`} relationship="description">
        <Button
          aria-label={`Copy ${label}`}
          icon={status === 'Copied' || status?.startsWith('Copied;') ? <CheckmarkRegular /> : <CopyRegular />}
          onClick={() => void onClick()}
          size="small"
        />
      </Tooltip>
      <span role="status" aria-live="polite" className="visually-hidden">
        {status ?? ''}
      </span>
    </>
  );
}
