// Read access when the server wants the token on reads too (http.auth.reads=true). EventSource
// cannot send an Authorization header, so the operator's token is exchanged once for a session
// cookie (POST /api/session: HttpOnly, SameSite=Strict) that the read routes and the stream accept.
// The token itself stays in this tab's sessionStorage only, for acknowledgements.
import { el } from './dom.js';

const TOKEN_KEY = 'plumbline.token';

/** Resolves once reads are allowed: at once when no token is needed or a session is running. */
export async function ensureReadAccess() {
  const state = await fetch('/api/session', { headers: { Accept: 'application/json' } })
    .then((r) => r.json());
  if (!state.readsNeedToken || state.authenticated) return;
  const stored = sessionStorage.getItem(TOKEN_KEY);
  if (stored && await startSession(stored)) return;
  await new Promise((resolve) => showSignIn(resolve));
}

async function startSession(token) {
  const response = await fetch('/api/session', {
    method: 'POST', headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' },
  });
  return response.ok;
}

function showSignIn(done) {
  const input = el('input', { type: 'password', name: 'token', autocomplete: 'off', required: true });
  const message = el('p', { className: 'muted' },
    'This Plumbline asks for its API token on reads. It is exchanged for a session cookie.');
  const form = el('form', { id: 'sign-in', className: 'panel sign-in' },
    el('h2', {}, 'Sign in'), message,
    el('label', {}, 'API token ', input), ' ', el('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (await startSession(input.value)) {
      sessionStorage.setItem(TOKEN_KEY, input.value);
      form.remove();
      done();
    } else {
      message.textContent = 'That token was refused.';
      message.className = 'error';
    }
  });
  document.querySelector('main').prepend(form);
  input.focus();
}
