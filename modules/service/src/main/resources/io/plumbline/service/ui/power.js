// Per-feed load against capacity: bars with the 80 % (continuous) and 100 % (breaker) marks, and a
// sparkline of the windows this page has seen (the API keeps only the latest window).
import { el, svg, getJson, kw, percent } from './dom.js';

const POLL_MS = 15000;
const HISTORY = 30;

export class PowerView {
  constructor() {
    this.target = document.getElementById('feeds');
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
    for (const feed of feeds.items) this.remember(feed);
    this.target.replaceChildren(...(feeds.items.length === 0
      ? [el('p', { className: 'muted' }, 'No power feed in the design yet.')]
      : feeds.items.map((feed) => this.card(feed))));
  }

  remember(feed) {
    if (!feed.load) return;
    const points = this.history.get(feed.id) || [];
    const last = points[points.length - 1];
    if (!last || last.end !== feed.load.windowEnd) {
      points.push({ end: feed.load.windowEnd, watts: feed.load.meanWatts });
      if (points.length > HISTORY) points.shift();
    }
    this.history.set(feed.id, points);
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
      sparkline(this.history.get(feed.id) || [], capacity));
  }
}

function sparkline(points, capacity) {
  const box = svg('svg', { class: 'sparkline', viewBox: '0 0 100 20', preserveAspectRatio: 'none' });
  if (points.length < 2 || !capacity) return box;
  const step = 100 / (points.length - 1);
  const coords = points.map((p, i) =>
    (i * step).toFixed(1) + ',' + (20 - Math.min(20, (p.watts / capacity) * 20)).toFixed(1));
  box.append(svg('polyline', { points: coords.join(' ') }));
  return box;
}
