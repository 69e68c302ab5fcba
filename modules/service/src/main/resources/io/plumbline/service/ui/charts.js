// Plain SVG and CSS charts: a gauge bar with marks, a sparkline, a multi-line chart over time.
import { el, svg } from './dom.js';

/** A horizontal bar from min to max with labelled marks; level colours the fill. */
export function gauge(value, { min = 0, max, marks = [], level = '', title = '' }) {
  const share = value === null || value === undefined ? 0 : (value - min) / (max - min);
  const fill = el('div', { className: 'fill ' + level,
    style: `width: ${Math.max(0, Math.min(100, share * 100)).toFixed(1)}%` });
  return el('div', { className: 'bar gauge', title },
    fill, marks.map((mark) => {
      const at = Math.max(0, Math.min(100, ((mark.at - min) / (max - min)) * 100));
      return el('div', { className: 'mark', style: `left: calc(${at.toFixed(1)}% - 1px)` },
        el('span', {}, mark.label));
    }));
}

/** A sparkline of values between min and max (at least two points to draw a line). */
export function sparkline(values, { min = 0, max, className = 'sparkline' } = {}) {
  const box = svg('svg', { class: className, viewBox: '0 0 100 20', preserveAspectRatio: 'none',
    'data-points': values.length });
  const top = max === undefined ? Math.max(...values, min + 1) : max;
  if (values.length < 2 || top <= min) return box;
  const step = 100 / (values.length - 1);
  const coords = values.map((v, i) =>
    (i * step).toFixed(1) + ',' + (20 - Math.max(0, Math.min(20, ((v - min) / (top - min)) * 20))).toFixed(1));
  box.append(svg('polyline', { points: coords.join(' ') }));
  return box;
}

/** Lines over shared instants, one per named series, with a legend and the latest values. */
export function lineChart(instants, series, { id } = {}) {
  const width = 300;
  const height = 80;
  const top = Math.max(1, ...series.flatMap((s) => s.values));
  const box = svg('svg', { class: 'line-chart', id, viewBox: `0 0 ${width} ${height}`,
    preserveAspectRatio: 'none', role: 'img' });
  const step = instants.length > 1 ? width / (instants.length - 1) : width;
  for (const [index, s] of series.entries()) {
    const points = s.values.map((v, i) =>
      (i * step).toFixed(1) + ',' + (height - 2 - (v / top) * (height - 4)).toFixed(1));
    box.append(svg('polyline', { points: points.join(' '), 'data-domain': s.name,
      class: 'series series-' + index }));
  }
  const legend = el('div', { className: 'legend-line' }, series.map((s, index) =>
    el('span', { className: 'key series-' + index }, s.name.toLowerCase() + ' ' + s.values[s.values.length - 1])));
  return el('div', { className: 'chart' }, box, legend);
}
