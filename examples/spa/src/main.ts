import { installTestHooks, type SignetTestHooks } from './test-hooks.js';

declare global {
  interface Window {
    __signet: SignetTestHooks;
  }
}

// A real app would sign in (authorization code + PKCE) and call start() with the refresh token
// it got; the end-to-end test calls start() itself through window.__signet.
const hooks = installTestHooks();
window.__signet = hooks;

const output = document.querySelector<HTMLPreElement>('#output')!;
document.querySelector<HTMLButtonElement>('#load')!.addEventListener('click', async () => {
  try {
    const { status, body } = await hooks.call('/orders', 'button');
    output.textContent = `${status} ${JSON.stringify(body, null, 2)}`;
  } catch (error) {
    output.textContent = String(error);
  }
});
