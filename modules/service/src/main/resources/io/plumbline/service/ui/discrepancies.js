// The discrepancy list: filters, expected vs observed, NetBox links, acknowledgement.
import { el, age, words, postJson, ApiError } from './dom.js';

const SEVERITY_RANK = { CRITICAL: 0, WARNING: 1, INFO: 2 };

export class DiscrepancyView {
  constructor(live) {
    this.live = live;
    this.form = document.getElementById('filters');
    this.rows = document.getElementById('discrepancy-rows');
    // Open acknowledgement forms survive re-rendering while transitions stream in.
    this.ackForms = new Map();
    this.form.addEventListener('change', () => this.render());
    live.onChange(() => this.render());
  }

  filters() {
    const data = new FormData(this.form);
    return Object.fromEntries([...data.entries()].filter(([, value]) => value !== ''));
  }

  matches(item, filters) {
    const subject = item.subject || {};
    return (!filters.type || item.type === filters.type)
      && (!filters.severity || item.severity === filters.severity)
      && (!filters.domain || item.domain === filters.domain)
      && (!filters.site || subject.siteId === filters.site
        || (subject.kind === 'SITE' && subject.id === filters.site))
      && (!filters.rack || subject.rackId === filters.rack
        || (subject.kind === 'RACK' && subject.id === filters.rack));
  }

  render() {
    const all = [...this.live.items.values()];
    this.fillOptions('type', all.map((d) => d.type), words);
    this.fillOptions('site', all.map((d) => d.subject && d.subject.siteId), (s) => 'site ' + s);
    this.fillOptions('rack', all.map((d) => d.subject && d.subject.rackId), (r) => 'rack ' + r);
    const filters = this.filters();
    const shown = all.filter((item) => this.matches(item, filters)).sort(order);
    this.rows.replaceChildren(...shown.map((item) => this.row(item)));
    document.getElementById('no-discrepancies').hidden = shown.length > 0;
    document.getElementById('shown').textContent = shown.length + ' of ' + all.length + ' open';
  }

  /** Options from the values present now, keeping the current choice even if it went away. */
  fillOptions(name, values, label) {
    const select = this.form.elements[name];
    const current = select.value;
    const distinct = [...new Set(values.filter(Boolean))];
    if (current && !distinct.includes(current)) distinct.push(current);
    distinct.sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    const existing = [...select.options].slice(1).map((o) => o.value);
    if (existing.join('\n') === distinct.join('\n')) return;
    select.replaceChildren(el('option', { value: '' }, 'all'),
      ...distinct.map((value) => el('option', { value }, label(value))));
    select.value = current;
  }

  row(item) {
    const subject = item.subject || {};
    return el('tr', {
      'data-discrepancy-id': item.id,
      className: item.acknowledged ? 'acknowledged' : null,
    },
    el('td', { 'data-label': 'severity' },
      el('span', { className: 'sev sev-' + item.severity }, item.severity)),
    el('td', { 'data-label': 'type' }, words(item.type),
      el('div', { className: 'muted' }, words(item.domain))),
    el('td', { 'data-label': 'subject' }, subjectLink(subject),
      subject.url ? [' ', el('a', { href: subject.url, target: '_blank', rel: 'noopener',
        className: 'netbox', title: 'open in NetBox' }, 'NetBox \u2197')] : null),
    el('td', { 'data-label': 'expected', className: 'expected' }, item.expected || '–'),
    el('td', { 'data-label': 'observed', className: 'observed' }, item.observed || '–',
      item.detail ? el('div', { className: 'muted' }, item.detail) : null),
    el('td', { 'data-label': 'since', title: item.firstSeen }, age(item.firstSeen)),
    el('td', {}, this.ackCell(item)));
  }

  ackCell(item) {
    if (this.ackForms.has(item.id)) return this.ackForms.get(item.id);
    if (item.acknowledged && item.acknowledgement) {
      const ack = item.acknowledgement;
      return el('div', { className: 'ack-note' },
        'acknowledged by ' + ack.by + ': ' + ack.reason
          + (ack.until ? ' (until ' + ack.until + ')' : ''));
    }
    return el('button', { type: 'button', className: 'ack',
      onclick: (event) => this.openAckForm(item, event.target.closest('td')) }, 'Acknowledge');
  }

  openAckForm(item, cell) {
    const error = el('div', { className: 'error' });
    const form = el('form', { className: 'ack-form', 'data-ack-for': item.id },
      el('input', { name: 'by', placeholder: 'who', required: true,
        value: localStorage.getItem('plumbline.ackBy') || '' }),
      el('input', { name: 'reason', placeholder: 'why (change ticket)', required: true }),
      el('input', { name: 'until', type: 'datetime-local', title: 'until (optional)' }),
      el('input', { name: 'token', type: 'password', placeholder: 'API token (if set)',
        value: sessionStorage.getItem('plumbline.token') || '' }),
      el('button', { type: 'submit' }, 'Save'),
      el('button', { type: 'button', onclick: () => this.closeAckForm(item.id) }, 'Cancel'),
      error);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      if (data.get('token')) sessionStorage.setItem('plumbline.token', data.get('token'));
      localStorage.setItem('plumbline.ackBy', data.get('by'));
      const body = { by: data.get('by'), reason: data.get('reason') };
      if (data.get('until')) body.until = new Date(data.get('until')).toISOString();
      try {
        await postJson('/api/discrepancies/' + encodeURIComponent(item.id) + '/ack', body);
        error.textContent = 'recorded; waiting for the reconciler…';
        await this.awaitAcknowledged(item.id);
        this.closeAckForm(item.id);
      } catch (e) {
        error.textContent = e instanceof ApiError && e.status === 401
          ? 'the API needs a token (http.auth.token)' : 'not recorded: ' + e.message;
      }
    });
    this.ackForms.set(item.id, form);
    cell.replaceChildren(form);
    form.elements.by.focus();
  }

  closeAckForm(id) {
    this.ackForms.delete(id);
    this.render();
  }

  /** The broker has the acknowledgement; the query store shows it within moments. */
  async awaitAcknowledged(id) {
    for (let attempt = 0; attempt < 40; attempt++) {
      const item = await this.live.refresh(id);
      if (item.acknowledged || item.state === 'RESOLVED') return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export function subjectLink(subject) {
  const label = subject.name || subject.id;
  if (subject.kind === 'DEVICE') return el('a', { href: '#/devices/' + subject.id }, label);
  if (subject.kind === 'RACK') return el('a', { href: '#/racks/' + subject.id }, label);
  if (subject.rackId) {
    return [label, ' ', el('a', { href: '#/racks/' + subject.rackId, className: 'muted' },
      '(rack ' + subject.rackId + ')')];
  }
  return label;
}

function order(a, b) {
  return (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3)
    || String(b.changedAt).localeCompare(String(a.changedAt))
    || a.id.localeCompare(b.id);
}
