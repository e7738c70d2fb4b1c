import { useRef } from 'react';
import { authKinds, type AuthKind } from '../../../shared/connections';
import { requestHeadingFocus } from '../../components/page';
import { ProfileForm } from './profile-form';
import { ProfileList } from './profile-list';

function authOf(value: string | null): AuthKind | null {
  return (authKinds as readonly string[]).includes(value ?? '') ? (value as AuthKind) : null;
}

/** Connections: the list (with expiry and a profile's sheet in a panel, `?sheet=<id>`), or a profile's form (`?new=<option>`, `?edit=<id>`, or `?certificate=<ref>` from the Certificates page). */
export function ConnectionsPage({ query, go }: { query: string; go: (target: string) => void }) {
  const params = new URLSearchParams(query);
  const certificateRef = params.get('certificate');
  const newAuth = certificateRef ? 'certificate' : authOf(params.get('new'));
  const editId = params.get('edit');
  const view = newAuth || editId ? 'form' : 'list';
  const last = useRef(view);
  if (last.current !== view) {
    // Moving between the list and a form is a navigation too: the new heading takes focus.
    last.current = view;
    requestHeadingFocus();
  }
  if (view === 'form') return <ProfileForm id={editId} auth={newAuth} go={go} certificateRef={certificateRef} />;
  return <ProfileList go={go} sheetId={params.get('sheet') || null} />;
}
