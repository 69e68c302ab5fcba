// Rack elevations: each device drawn over its U positions (U1 at the bottom), coloured by its
// state, so the bad slots stand out from across the room.
import { el, getJson, kw, percent, words } from './dom.js';
import { sparkline } from './charts.js';
import { INLET_SCALE, heatGauge, inletGauge } from './power.js';
import { subjectLink } from './discrepancies.js';

const DEFAULT_RACK_U = 42;

export class RackView {
  constructor(live) {
    this.live = live;
    this.picker = document.getElementById('rack-picker');
    this.target = document.getElementById('rack');
    this.picker.addEventListener('change', () => { location.hash = '#/racks/' + this.picker.value; });
    // Redraw when a transition touches the rack on screen.
    live.onChange((items, transition) => {
      const subject = transition && transition.subject;
      if (this.rackId && subject && (subject.rackId === this.rackId
          || (subject.kind === 'RACK' && subject.id === this.rackId))) {
        this.scheduleRefresh();
      }
    });
  }

  async show(rackId) {
    const racks = await getJson('/api/racks');
    const ids = new Map(racks.items.map((rack) => [rack.id, rack.name || rack.id]));
    for (const item of this.live.items.values()) {
      const rack = item.subject && item.subject.rackId;
      if (rack && !ids.has(rack)) ids.set(rack, 'rack ' + rack);
    }
    if (!rackId && ids.size > 0) rackId = ids.keys().next().value;
    this.picker.replaceChildren(...[...ids].map(([id, name]) => el('option', { value: id }, name)));
    this.rackId = rackId;
    if (!rackId) {
      this.target.replaceChildren(el('p', { className: 'muted' }, 'No rack in the design yet.'));
      return;
    }
    this.picker.value = rackId;
    await this.refresh();
  }

  scheduleRefresh() {
    clearTimeout(this.timer);
    // The device store follows the transition by a commit interval; let it catch up.
    this.timer = setTimeout(() => this.refresh().catch(() => {}), 500);
  }

  async refresh() {
    const rackId = this.rackId;
    const [rack, cooling] = await Promise.all([
      getJson('/api/racks/' + encodeURIComponent(rackId)),
      getJson('/api/racks/' + encodeURIComponent(rackId) + '/cooling').catch(() => null)]);
    if (rackId !== this.rackId) return;
    this.target.replaceChildren(elevation(rack), side(rack, cooling));
  }
}

/** The device's state for colouring: any open discrepancy wins over its lifecycle stage. */
export function deviceState(device, discrepancies) {
  if (discrepancies.length > 0 || device.openDiscrepancies > 0) return 'fault';
  return String(device.stage || 'PLANNED').toLowerCase();
}

function elevation(rack) {
  const rackU = rack.uHeight || DEFAULT_RACK_U;
  const byDevice = new Map();
  for (const d of rack.openDiscrepancies || []) {
    if (d.subject && d.subject.kind === 'DEVICE') {
      byDevice.set(d.subject.id, [...(byDevice.get(d.subject.id) || []), d]);
    }
  }
  const grid = el('div', { className: 'elevation', 'data-rack-id': rack.id,
    style: `grid-template-rows: repeat(${rackU}, 1.35rem)` });
  const occupied = new Set();
  const unplaced = [];
  for (const device of rack.devices || []) {
    const bottom = device.position;
    if (bottom === null || bottom === undefined) { unplaced.push(device); continue; }
    const height = Math.max(1, Math.round(device.uHeight || 1));
    const lowest = Math.floor(bottom);
    const top = lowest + height - 1;
    for (let u = lowest; u <= top; u++) occupied.add(u);
    const problems = byDevice.get(device.deviceId) || [];
    const state = deviceState(device, problems);
    const what = problems.length > 0
      ? problems.map((p) => words(p.type)).join(', ')
      : words(device.stage) + ' · ' + (device.observedModel || device.expectedModel || '');
    grid.append(el('a', {
      className: 'device state-' + state,
      href: '#/devices/' + device.deviceId,
      'data-device-id': device.deviceId,
      'data-state': state,
      'data-u-bottom': lowest,
      'data-u-top': top,
      title: `${device.name}: U${lowest}${height > 1 ? '–U' + top : ''}, ${what}`,
      style: `grid-row: ${rackU - top + 1} / span ${height}`,
    }, el('span', { className: 'name' }, device.name + '  U' + lowest),
    el('span', { className: 'what' }, what)));
  }
  for (let u = rackU; u >= 1; u--) {
    const row = rackU - u + 1;
    grid.append(el('div', { className: 'u', 'data-u': u, style: `grid-row: ${row}` }, u));
    if (!occupied.has(u)) grid.append(el('div', { className: 'slot', style: `grid-row: ${row}` }));
  }
  const wrapper = el('div', {}, el('h2', {}, rack.name || 'rack ' + rack.id), grid);
  if (unplaced.length > 0) {
    wrapper.append(el('p', { className: 'muted' }, 'Without a position: ',
      unplaced.map((d) => d.name).join(', ')));
  }
  return wrapper;
}

/** Inlet sensors against 27 / 32 °C with their recent windows, heat against cooling, CDUs. */
function coolingPanel(cooling) {
  if (!cooling) return el('div', { className: 'panel cooling-detail' }, el('h3', {}, 'Cooling'),
    el('p', { className: 'muted' }, 'no cooling data'));
  const inlets = cooling.sensors.filter((s) => s.kind === 'INLET_TEMPERATURE');
  const others = cooling.sensors.filter((s) => s.kind !== 'INLET_TEMPERATURE');
  return el('div', { className: 'panel cooling-detail', 'data-inlet-level': cooling.inletLevel || 'unknown' },
    el('h3', {}, 'Cooling'),
    inlets.length === 0 ? el('p', { className: 'muted' }, 'no inlet sensor reports')
      : inlets.map((s) => el('div', { className: 'inlet-sensor', 'data-sensor-id': s.sensorId,
        'data-level': s.level },
      el('div', { className: 'numbers' }, el('span', {}, s.sensorId),
        el('span', { className: 'inlet' }, s.latest.toFixed(1) + ' °C'),
        el('span', {}, s.level.toLowerCase())),
      inletGauge(s.latest, cooling),
      sparkline(s.history.map((p) => p.mean), { min: INLET_SCALE.min, max: INLET_SCALE.max }))),
    heatGauge(cooling),
    el('dl', { className: 'facts' },
      el('dt', {}, 'heat'), el('dd', { className: 'heat' }, kw(cooling.heatWatts)),
      el('dt', {}, 'cooling capacity'), el('dd', {}, kw(cooling.coolingCapacityWatts)),
      el('dt', {}, 'headroom'), el('dd', { className: 'headroom' }, kw(cooling.headroomWatts)),
      ...others.flatMap((s) => [el('dt', {}, s.sensorId),
        el('dd', {}, s.latest.toFixed(1) + ' ' + s.unit)]),
      ...cooling.cdus.flatMap((c) => [el('dt', {}, 'CDU ' + c.cduId),
        el('dd', {}, [c.supplyCelsius !== undefined ? c.supplyCelsius.toFixed(1) + ' °C supply' : null,
          c.flowLitresPerMinute !== undefined ? c.flowLitresPerMinute.toFixed(0) + ' L/min' : null]
          .filter(Boolean).join(', ') || '–')])));
}

function side(rack, cooling) {
  const feeds = (rack.feeds || []).slice().sort((a, b) => String(a.side).localeCompare(String(b.side)));
  const panels = [];
  panels.push(el('div', { className: 'panel' }, el('h3', {}, 'Power'),
    el('dl', { className: 'facts' },
      el('dt', {}, 'load'), el('dd', {}, kw(rack.loadWatts)),
      el('dt', {}, 'budget'), el('dd', {}, kw(rack.powerBudgetWatts)),
      // A and B each must carry the whole rack when the other fails.
      el('dt', {}, 'A/B failover headroom'),
      el('dd', { className: 'failover' }, feeds.length < 2 ? '–'
        : kw(Math.min(...feeds.map((f) => f.usableWatts || 0)) - (rack.loadWatts || 0))),
      ...feeds.flatMap((feed) => [
        el('dt', {}, 'feed ' + (feed.side || feed.feedId)),
        el('dd', { 'data-feed-id': feed.feedId },
          `${kw(feed.meanWatts)} of ${kw(feed.usableWatts)} usable (${percent(feed.utilisation)}), `
            + `headroom ${feed.meanWatts === null || feed.meanWatts === undefined
              ? '–' : kw(feed.usableWatts - feed.meanWatts)}`),
      ]))));
  panels.push(coolingPanel(cooling));
  const open = rack.openDiscrepancies || [];
  panels.push(el('div', { className: 'panel' }, el('h3', {}, `Open discrepancies (${open.length})`),
    open.length === 0 ? el('p', { className: 'muted' }, 'none')
      : el('ul', {}, open.map((d) => el('li', {},
        el('span', { className: 'sev sev-' + d.severity }, d.severity), ' ', words(d.type), ' – ',
        subjectLink(d.subject || {}))))));
  if (rack.url) {
    panels.push(el('a', { href: rack.url, target: '_blank', rel: 'noopener' }, 'Rack in NetBox \u2197'));
  }
  return el('div', { className: 'rack-side' }, panels);
}
