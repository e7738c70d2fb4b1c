// The sign-in page's script: exchange the one-time token from the link's fragment for the session cookie and the
// request key, then load the app. The token leaves the address bar and the history at once.
import { REQUEST_KEY_STORAGE } from './storage-keys';

const status = document.getElementById('status');
const say = (text: string) => {
  if (status) status.textContent = text;
};
const match = /^#gcw-token=([A-Za-z0-9_-]{20,200})$/.exec(location.hash);
history.replaceState(null, '', '/');

if (!match) {
  say(
    'Open the link that gcw ui printed in the terminal (it carries a one-time key). To get a new link, stop gcw ui with Ctrl+C and start it again.',
  );
} else {
  fetch('/gcw/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: match[1] }),
    credentials: 'same-origin',
    cache: 'no-store',
  })
    .then(async (response) => {
      if (!response.ok) {
        say(
          response.status === 401
            ? 'This link has been used already: each gcw ui link opens the Workbench once. Go back to the tab where it is open, or stop gcw ui with Ctrl+C and start it again for a new link.'
            : `gcw ui refused this page (HTTP ${response.status}). Open the link exactly as gcw ui printed it.`,
        );
        return;
      }
      const { key } = (await response.json()) as { key: string };
      localStorage.setItem(REQUEST_KEY_STORAGE, key);
      location.replace('/');
    })
    .catch(() => say('gcw ui is not running any more. Start it again with npx gcw ui and open the new link.'));
}
