// The ops dashboard: hash routes (#/discrepancies, #/racks/{id}, #/power, #/devices/{id}) over
// one live set of open discrepancies.
import { el, getJson, words } from './dom.js';
import { LiveDiscrepancies } from './live.js';
import { DiscrepancyView } from './discrepancies.js';
import { RackView } from './racks.js';
import { PowerView } from './power.js';
import { showDevice } from './device.js';
import { ensureReadAccess } from './auth.js';
import { lineChart } from './charts.js';

const SUMMARY_DEVICES_MS = 30000;
const HISTORY_MS = 30000;
// The summary chart: open discrepancies per domain over the last half hour, every 30 s.
const HISTORY_RANGE_MS = 30 * 60 * 1000;
const HISTORY_POINTS = 60;
let history = null;

const live = new LiveDiscrepancies();
const discrepancies = new DiscrepancyView(live);
const racks = new RackView(live);
const power = new PowerView();
let devices = [];
let shownDevice = null;
let deviceTimer;

function route() {
  const [view, id] = (location.hash.replace(/^#\/?/, '') || 'discrepancies').split('/');
  const known = ['discrepancies', 'racks', 'power', 'devices'].includes(view) ? view : 'discrepancies';
  const section = known === 'devices' ? 'device' : known;
  for (const node of document.querySelectorAll('.view')) node.hidden = node.id !== 'view-' + section;
  for (const link of document.querySelectorAll('.top nav a')) {
    link.classList.toggle('active', link.dataset.view === known);
  }
  if (known === 'power') power.start(); else power.stop();
  const failed = (error) => reportError(section, error);
  if (known === 'racks') racks.show(id ? decodeURIComponent(id) : null).catch(failed);
  shownDevice = known === 'devices' ? decodeURIComponent(id) : null;
  if (shownDevice) showDevice(document.getElementById('device'), shownDevice).catch(failed);
  if (known === 'discrepancies') discrepancies.render();
}

function reportError(section, error) {
  const view = document.getElementById('view-' + section);
  view.prepend(el('p', { className: 'error' }, String(error.message || error)));
}

function renderSummary() {
  const open = [...live.items.values()];
  const critical = open.filter((d) => d.severity === 'CRITICAL').length;
  const byDomain = new Map();
  for (const d of open) byDomain.set(d.domain, (byDomain.get(d.domain) || 0) + 1);
  const verified = devices.filter((d) => d.stage === 'VERIFIED').length;
  const share = devices.length ? verified / devices.length : 0;
  document.getElementById('summary').replaceChildren(
    card('open discrepancies', open.length, critical + ' critical', 'open-count'),
    card('devices verified', devices.length ? Math.round(share * 100) + ' %' : '–',
      verified + ' of ' + devices.length,
      'verified', el('div', { className: 'progress' }, el('div', { style: `width: ${share * 100}%` }))),
    ...[...byDomain].sort().map(([domain, count]) => card(words(domain), count, 'open', 'domain-' + domain)),
    historyCard());
}

function historyCard() {
  if (!history) return null;
  const series = Object.entries(history.domains).map(([name, values]) => ({ name, values }));
  series.push({ name: 'TOTAL', values: history.total });
  return el('div', { className: 'card history', 'data-summary': 'history' },
    el('div', { className: 'label' }, 'open by domain, last 30 min'),
    lineChart(history.instants, series, { id: 'history-chart' }));
}

async function loadHistory() {
  const from = new Date(Date.now() - HISTORY_RANGE_MS).toISOString();
  try {
    history = await getJson('/api/history/discrepancies?points=' + HISTORY_POINTS
      + '&from=' + encodeURIComponent(from));
    renderSummary();
  } catch (error) {
    // Not queryable yet: the next round tries again.
  }
}

function card(label, value, note, key, ...extra) {
  return el('div', { className: 'card', 'data-summary': key },
    el('div', { className: 'value' }, value), el('div', { className: 'label' }, label + ' · ' + note),
    ...extra);
}

async function loadDevices() {
  try {
    devices = (await getJson('/api/devices')).items;
    renderSummary();
  } catch (error) {
    // Not queryable yet (starting up): the next round tries again.
  }
}

function setUpTheme() {
  const button = document.getElementById('theme');
  const apply = (theme) => {
    document.documentElement.dataset.theme = theme;
    button.textContent = theme === 'dark' ? 'light' : 'dark';
  };
  apply(localStorage.getItem('plumbline.theme') || 'dark');
  button.addEventListener('click', () => {
    const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem('plumbline.theme', next);
    apply(next);
  });
}

setUpTheme();
live.onChange(renderSummary);
// Transitions move devices through their stages: re-read them shortly after a burst.
let devicesTimer;
live.onChange(() => {
  clearTimeout(devicesTimer);
  devicesTimer = setTimeout(() => { loadDevices(); loadHistory(); }, 2000);
});
// The device page follows its discrepancies (cable states, timeline) as they change.
live.onChange(() => {
  if (!shownDevice) return;
  clearTimeout(deviceTimer);
  const id = shownDevice;
  deviceTimer = setTimeout(() => {
    if (shownDevice === id) showDevice(document.getElementById('device'), id).catch(() => {});
  }, 1000);
});
live.onStatus((status) => {
  const badge = document.getElementById('live');
  badge.textContent = status;
  badge.className = 'live ' + (status === 'live' ? 'on' : 'off');
});
ensureReadAccess().then(() => {
  window.addEventListener('hashchange', route);
  route();
  live.start();
  loadDevices();
  loadHistory();
  setInterval(loadDevices, SUMMARY_DEVICES_MS);
  setInterval(loadHistory, HISTORY_MS);
});
