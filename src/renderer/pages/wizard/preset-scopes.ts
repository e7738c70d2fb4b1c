import type { AuthKind } from '../../../shared/connections';
import type { WizardInput } from '../../../shared/wizard';
import { workbench } from '../../lib/workbench';
import { minimumOf } from '../scopes/scope-picker';
import { covering } from '../scopes/selection';

/** The scopes a new choice starts from: the option's minimum, plus what triggers need when the admin said so. Null when scopes were chosen already. */
export async function presetScopes(auth: AuthKind, state: WizardInput): Promise<string | null> {
  if (state.draft.scopes.trim() !== '') return null;
  const checklist = await workbench().scopes.checklist({ auth });
  if (!checklist.ok) return null;
  const minimum = minimumOf(checklist.value);
  return (state.guide.triggers === 'yes' ? covering(minimum, checklist.value.triggers.base) : minimum).join(' ');
}
