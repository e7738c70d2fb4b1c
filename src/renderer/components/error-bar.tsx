import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { AppError } from '../../shared/result';

/** Shows a contract error: what happened and what to do, announced to screen readers. */
export function ErrorBar({ error, title }: { error: AppError | null; title?: string }) {
  if (!error) return null;
  return (
    <MessageBar intent="error" role="alert" data-error-code={error.code}>
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {error.message}
        {error.hint ? <div>{error.hint}</div> : null}
      </MessageBarBody>
    </MessageBar>
  );
}
