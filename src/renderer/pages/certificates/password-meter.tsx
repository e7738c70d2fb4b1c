import { Field, ProgressBar } from '@fluentui/react-components';
import { passwordStrength } from '../../../shared/password-strength';

const COLORS = ['error', 'error', 'warning', 'success', 'success'] as const;

/** How hard the export password is to guess, computed as the user types (pure; nothing leaves the renderer). */
export function PasswordMeter({ password }: { password: string }) {
  const strength = passwordStrength(password);
  const advice = strength.feedback[0] ?? '';
  return (
    <Field
      label={password ? `Password strength: ${strength.label}` : 'Password strength'}
      hint={advice}
      validationState="none"
    >
      <ProgressBar
        value={password ? (strength.score + 1) / 5 : 0}
        color={COLORS[strength.score]}
        thickness="large"
        aria-valuetext={strength.label}
      />
    </Field>
  );
}
