import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { Notice } from '../../shared/contract/app';
import { workbench } from '../lib/workbench';

/** Start-up notices (recovered files, keychain problems) and live ones (clipboard cleared), each dismissible. */
export function Notices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(() => {
    void workbench()
      .app.notices({})
      .then((r) => r.ok && setNotices(r.value));
    return workbench().onEvent('app.notice', (notice) => {
      setNotices((list) => [...list.filter((n) => n.id !== notice.id), notice]);
      if (notice.severity === 'info')
        window.setTimeout(() => setNotices((list) => list.filter((n) => n.id !== notice.id)), 6000);
    });
  }, []);
  if (notices.length === 0) return null;
  return (
    <div role="region" aria-label="Notices">
      {notices.map((n) => (
        <MessageBar
          key={n.id}
          intent={n.severity === 'error' ? 'error' : n.severity === 'warning' ? 'warning' : 'info'}
          layout="multiline"
        >
          <MessageBarBody>
            <MessageBarTitle>{n.title}</MessageBarTitle>
            {n.message}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                aria-label={`Dismiss: ${n.title}`}
                appearance="transparent"
                icon={<DismissRegular />}
                onClick={() => {
                  setNotices((list) => list.filter((x) => x.id !== n.id));
                  void workbench().app.dismissNotice({ id: n.id });
                }}
              />
            }
          />
        </MessageBar>
      ))}
    </div>
  );
}
