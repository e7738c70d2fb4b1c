import { useRef } from 'react';
import { authKinds, type AuthKind } from '../../../shared/connections';
import { requestHeadingFocus } from '../../components/page';
import { ConnectionSheetView } from './connection-sheet';
import { ProfileForm } from './profile-form';
import { ProfileList } from './profile-list';

function authOf(value: string | null): AuthKind | null {
  return (authKinds as readonly string[]).includes(value ?? '') ? (value as AuthKind) : null;
}

/** Connections: the list (with expiry), a profile's form (`?new=<option>` or `?edit=<id>`) or its connection sheet (`?sheet=<id>`). */
export function ConnectionsPage({ query, go }: { query: string; go: (target: string) => void }) {
  const params = new URLSearchParams(query);
  const newAuth = authOf(params.get('new'));
  const editId = params.get('edit');
  const sheetId = params.get('sheet');
  const view = newAuth || editId ? 'form' : sheetId ? 'sheet' : 'list';
  const last = useRef(view);
  if (last.current !== view) {
    // Moving between list, form and sheet is a navigation too: the new heading takes focus.
    last.current = view;
    requestHeadingFocus();
  }
  if (view === 'form') return <ProfileForm id={editId} auth={newAuth} go={go} />;
  if (view === 'sheet' && sheetId) return <ConnectionSheetView id={sheetId} go={go} />;
  return <ProfileList go={go} />;
}
