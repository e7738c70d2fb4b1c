import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Settings } from '../../shared/settings';

/** The Fluent theme for the chosen setting; "system" follows the OS light/dark preference live. */
export function useTheme(choice: Settings['theme']): Theme {
  const query = '(prefers-color-scheme: dark)';
  const [osDark, setOsDark] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const onChange = () => setOsDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  const dark = choice === 'dark' || (choice === 'system' && osDark);
  return dark ? webDarkTheme : webLightTheme;
}
