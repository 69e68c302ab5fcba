// The open discrepancies, kept current: the list from /api/discrepancies, then every transition
// from /api/stream (Server-Sent Events). The stream is opened first and the list read once it is
// connected, so no transition falls between the two; on every (re)connection the list is re-read,
// as docs/api.md asks, because the stream does not replay.
import { getJson } from './dom.js';

export class LiveDiscrepancies {
  constructor() {
    this.items = new Map();
    this.streamed = new Map();
    this.listeners = new Set();
    this.statusListeners = new Set();
    this.status = 'connecting';
  }

  onChange(listener) {
    this.listeners.add(listener);
  }

  onStatus(listener) {
    this.statusListeners.add(listener);
  }

  start() {
    this.source = new EventSource('/api/stream');
    this.source.addEventListener('open', () => this.reload());
    this.source.addEventListener('transition', (event) => this.apply(JSON.parse(event.data)));
    // The server drops a client that fell 1,000 events behind; it reconnects and re-reads.
    this.source.addEventListener('overflow', () => this.reload());
    // EventSource reconnects by itself (retry: 3000); 'open' then re-reads the list.
    this.source.addEventListener('error', () => this.setStatus('reconnecting'));
  }

  async reload() {
    try {
      const list = await getJson('/api/discrepancies?state=open');
      const items = new Map(list.items.map((item) => [item.id, item]));
      // A transition streamed while the list was read may be newer than the store's answer.
      for (const [id, latest] of this.streamed) {
        const listed = items.get(id);
        if (!listed || latest.revision > listed.revision) merge(items, latest);
      }
      this.items = items;
      this.streamed.clear();
      this.changed(null);
      this.setStatus(this.source.readyState === EventSource.OPEN ? 'live' : 'reconnecting');
    } catch (error) {
      // Not queryable yet (starting, restoring): the stream is up, the list comes shortly.
      this.setStatus('waiting for the reconciler');
      setTimeout(() => this.reload(), 3000);
    }
  }

  /** Refreshes one discrepancy (e.g. after acknowledging it). */
  async refresh(id) {
    const item = await getJson('/api/discrepancies/' + encodeURIComponent(id));
    if (item.state === 'RESOLVED') this.items.delete(id);
    else this.items.set(id, item);
    this.changed(item);
    return item;
  }

  apply(transition) {
    this.streamed.set(transition.id, transition);
    merge(this.items, transition);
    this.changed(transition);
  }

  changed(transition) {
    for (const listener of this.listeners) listener(this.items, transition);
  }

  /** 'live' once the stream is connected and the list read; otherwise what is awaited. */
  setStatus(status) {
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }
}

function merge(items, transition) {
  if (transition.state === 'RESOLVED') {
    items.delete(transition.id);
    return;
  }
  const previous = items.get(transition.id);
  // Transitions carry no acknowledgement; one lasts until the discrepancy resolves.
  items.set(transition.id, {
    ...transition,
    acknowledged: previous ? previous.acknowledged : false,
    acknowledgement: previous ? previous.acknowledgement : null,
  });
}
