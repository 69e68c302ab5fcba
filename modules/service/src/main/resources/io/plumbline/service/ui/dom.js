// Small DOM and API helpers. Text from the API is only ever set as text, never parsed as HTML.

/** Creates an element with attributes (on* keys become listeners) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'className') node.className = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** SVG elements need their namespace. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  node.append(...children);
  return node;
}

/** GET a JSON route; rejects with the API's error message. */
export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.error || response.statusText);
  return body;
}

/** POST JSON with the bearer token the operator gave (kept for this tab only). */
export async function postJson(path, payload) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const token = sessionStorage.getItem('plumbline.token');
  if (token) headers.Authorization = 'Bearer ' + token;
  const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(payload) });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.error || response.statusText);
  return body;
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** "3 min ago" style age of an ISO instant. */
export function age(iso) {
  if (!iso) return '';
  const seconds = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  if (seconds < 60) return Math.round(seconds) + ' s ago';
  if (seconds < 3600) return Math.round(seconds / 60) + ' min ago';
  if (seconds < 86400) return Math.round(seconds / 3600) + ' h ago';
  return Math.round(seconds / 86400) + ' d ago';
}

export function kw(watts) {
  return watts === null || watts === undefined ? '–' : (watts / 1000).toFixed(1) + ' kW';
}

export function percent(fraction) {
  return fraction === null || fraction === undefined ? '–' : Math.round(fraction * 100) + ' %';
}

/** Human form of an enum name: WRONG_SKU -> wrong SKU. */
export function words(name) {
  return String(name || '').toLowerCase().replaceAll('_', ' ').replace(/\bsku\b/, 'SKU');
}
