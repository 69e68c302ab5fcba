// Per-feed load against capacity: bars with the 80 % (continuous) and 100 % (breaker) marks and a
// sparkline of the feed's one-minute windows (the ones the server still keeps, then those this page
// saw); below, each rack's hottest inlet against 27 / 32 °C and its heat against cooling capacity.
import { el, getJson, kw, percent } from './dom.js';
import { gauge, sparkline } from './charts.js';

const POLL_MS = 15000;
const HISTORY = 30;
export const INLET_SCALE = { min: 15, max: 40 };

export class PowerView {
  constructor() {
    this.target = document.getElementById('feeds');
    this.coolingTarget = document.getElementById('cooling');
    this.history = new Map();
  }

  start() {
    this.stop();
    this.refresh();
    this.timer = setInterval(() => this.refresh(), POLL_MS);
  }

  stop() {
    clearInterval(this.timer);
  }

  async refresh() {
    let feeds;
    try {
      feeds = await getJson('/api/feeds');
    } catch (error) {
      this.target.replaceChildren(el('p', { className: 'error' }, 'feeds unavailable: ' + error.message));
      return;
    }
    await Promise.all(feeds.items.map((feed) => this.loadHistory(feed)));
    this.target.replaceChildren(...(feeds.items.length === 0
      ? [el('p', { className: 'muted' }, 'No power feed in the design yet.')]
      : feeds.items.map((feed) => this.card(feed))));
    this.refreshCooling();
  }

  /** The server's kept windows, merged with what this page saw before they aged out. */
  async loadHistory(feed) {
    const points = new Map((this.history.get(feed.id) || []).map((p) => [p.end, p]));
    try {
      const kept = await getJson('/api/feeds/' + encodeURIComponent(feed.id) + '/history');
      for (const w of kept.items) {
        if (w.meanWatts !== null) points.set(w.windowEnd, { end: w.windowEnd, watts: w.meanWatts });
      }
    } catch (error) {
      // History is a nicety: the bar still shows the latest load.
    }
    if (feed.load && feed.load.meanWatts !== null) {
      points.set(feed.load.windowEnd, { end: feed.load.windowEnd, watts: feed.load.meanWatts });
    }
    const sorted = [...points.values()].sort((a, b) => a.end.localeCompare(b.end)).slice(-HISTORY);
    this.history.set(feed.id, sorted);
  }

  card(feed) {
    // usableWatts is capacity x the feed's maximum utilisation (80 % unless NetBox says otherwise).
    const limit = (feed.maxUtilizationPercent || 80) / 100;
    const capacity = feed.usableWatts ? feed.usableWatts / limit : null;
    const watts = feed.load ? feed.load.meanWatts : null;
    const ofCapacity = capacity && watts !== null ? watts / capacity : null;
    const level = ofCapacity === null ? '' : ofCapacity >= 1 ? 'over' : ofCapacity >= limit ? 'warn' : '';
    const fill = el('div', { className: 'fill ' + level,
      style: `width: ${Math.min(100, (ofCapacity || 0) * 100).toFixed(1)}%` });
    const points = this.history.get(feed.id) || [];
    return el('div', { className: 'panel feed', 'data-feed-id': feed.id, 'data-level': level || 'ok' },
      el('h3', {}, feed.name || feed.id, feed.url
        ? [' ', el('a', { href: feed.url, target: '_blank', rel: 'noopener' }, '\u2197')] : null),
      el('div', { className: 'muted' },
        [feed.panelName, feed.side ? 'side ' + feed.side : null,
          feed.rackId ? 'rack ' + feed.rackId : null].filter(Boolean).join(' · ')),
      el('div', { className: 'bar', title: feed.usablePowerFormula || '' }, fill,
        el('div', { className: 'mark', style: `left: ${limit * 100}%` }, el('span', {}, Math.round(limit * 100) + '%')),
        el('div', { className: 'mark', style: 'left: calc(100% - 2px)' }, el('span', {}, '100%'))),
      el('div', { className: 'numbers' },
        el('span', {}, watts === null ? 'no closed window yet' : kw(watts) + ' now'),
        el('span', {}, kw(capacity) + ' breaker'),
        el('span', {}, percent(feed.utilisation) + ' of usable')),
      capacity ? sparkline(points.map((p) => p.watts), { max: capacity }) : sparkline([]),
      el('div', { className: 'muted small' }, points.length + ' one-minute windows'));
  }

  async refreshCooling() {
    let racks;
    try {
      racks = await getJson('/api/cooling');
    } catch (error) {
      this.coolingTarget.replaceChildren(el('p', { className: 'error' }, 'cooling unavailable: ' + error.message));
      return;
    }
    this.coolingTarget.replaceChildren(...(racks.items.length === 0
      ? [el('p', { className: 'muted' }, 'No rack in the design yet.')]
      : racks.items.map((rack) => coolingCard(rack))));
  }
}

/** A rack's hottest inlet against the ASHRAE marks and its heat against cooling capacity. */
export function coolingCard(rack) {
  return el('div', { className: 'panel feed cooling', 'data-rack-id': rack.rackId,
    'data-inlet-level': rack.inletLevel || 'unknown' },
  el('h3', {}, el('a', { href: '#/racks/' + encodeURIComponent(rack.rackId) }, rack.name || 'rack ' + rack.rackId)),
  inletGauge(rack.inletCelsius, rack),
  el('div', { className: 'numbers' },
    el('span', { className: 'inlet' }, rack.inletCelsius === null ? 'no inlet reading'
      : rack.inletCelsius.toFixed(1) + ' °C inlet'),
    el('span', {}, rack.inletLevel ? rack.inletLevel.toLowerCase() : '')),
  heatGauge(rack),
  el('div', { className: 'numbers' },
    el('span', { className: 'heat' }, kw(rack.heatWatts) + ' heat'),
    el('span', {}, kw(rack.coolingCapacityWatts) + ' cooling'),
    el('span', { className: 'headroom' }, rack.headroomWatts === null ? 'headroom –'
      : 'headroom ' + kw(rack.headroomWatts))));
}

export function inletGauge(celsius, marks) {
  const level = celsius === null ? '' : celsius > marks.inletCriticalCelsius ? 'over'
    : celsius > marks.inletWarningCelsius ? 'warn' : '';
  return gauge(celsius, { ...INLET_SCALE, level, title: 'inlet temperature, 15–40 °C',
    marks: [{ at: marks.inletWarningCelsius, label: marks.inletWarningCelsius + '°' },
      { at: marks.inletCriticalCelsius, label: marks.inletCriticalCelsius + '°' }] });
}

export function heatGauge(rack) {
  const share = rack.heatShare;
  const level = share === null ? '' : share > 1 ? 'over' : share > 0.9 ? 'warn' : '';
  return gauge(share === null ? null : Math.min(share, 1.25), { min: 0, max: 1.25, level,
    title: 'heat (measured load) against planned cooling capacity',
    marks: [{ at: 1, label: '100%' }] });
}
