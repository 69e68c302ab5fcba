// A device page: its way from purchase order to verification, what its BMC reports, and its
// discrepancies.
import { el, getJson, words, age } from './dom.js';

const STAGES = ['PLANNED', 'ORDERED', 'RECEIVED', 'INSTALLED', 'VERIFIED'];

export async function showDevice(target, id) {
  let device;
  try {
    device = await getJson('/api/devices/' + encodeURIComponent(id));
  } catch (error) {
    target.replaceChildren(el('p', { className: 'error' }, error.message));
    return;
  }
  const reached = STAGES.indexOf(device.stage);
  const details = {
    PLANNED: device.expectedModel,
    ORDERED: device.poNumber ? 'PO ' + device.poNumber + (device.poLine ? '/' + device.poLine : '') : null,
    RECEIVED: device.receiptId ? 'receipt ' + device.receiptId : null,
    INSTALLED: device.rackId ? 'rack ' + device.rackId + (device.position ? ' U' + device.position : '') : null,
    VERIFIED: device.observedModel ? 'BMC reports ' + device.observedModel : null,
  };
  const related = await getJson('/api/discrepancies?state=all'
    + (device.rackId ? '&rack=' + encodeURIComponent(device.rackId) : ''))
    .then((list) => list.items.filter((d) => d.subject && d.subject.id === device.deviceId))
    .catch(() => []);
  const cables = await getJson('/api/devices/' + encodeURIComponent(device.deviceId) + '/cables')
    .catch(() => null);
  const firmware = Object.entries(device.observedFirmware || {});
  target.replaceChildren(
    el('h2', {}, device.name, ' ', el('span', { className: 'muted' }, '#' + device.deviceId)),
    el('ol', { className: 'timeline' }, STAGES.map((stage, i) =>
      el('li', { className: i <= reached ? 'reached' : null, 'data-stage': stage },
        words(stage), el('div', { className: 'detail' }, details[stage] || '')))),
    el('div', { className: 'rack-layout' },
      el('div', { className: 'panel' }, el('h3', {}, 'Expected and observed'),
        el('dl', { className: 'facts' },
          fact('expected model', device.expectedModel), fact('expected part', device.expectedPartNumber),
          fact('observed model', device.observedModel), fact('observed part', device.observedPartNumber),
          fact('GPUs', device.observedGpuCount), fact('serial', device.serial),
          fact('BMC', device.bmcId), fact('power', device.powerWatts ? device.powerWatts + ' W' : null),
          fact('updated', device.updatedAt ? age(device.updatedAt) : null))),
      el('div', { className: 'panel' }, el('h3', {}, 'Firmware'),
        firmware.length === 0 ? el('p', { className: 'muted' }, 'not reported')
          : el('dl', { className: 'facts' }, firmware.sort().map(([k, v]) => fact(k, v)))),
      el('div', { className: 'panel' }, el('h3', {}, 'Discrepancies'),
        related.length === 0 ? el('p', { className: 'muted' }, 'none')
          : el('ul', {}, related.map((d) => el('li', {},
            el('span', { className: 'sev sev-' + d.severity }, d.severity), ' ',
            words(d.type), ' ', words(d.state), ': expected ', d.expected || '–',
            ', observed ', d.observed || '–'))))),
    cablesPanel(cables),
    device.rackId ? el('p', {}, el('a', { href: '#/racks/' + device.rackId }, 'Rack elevation')) : null);
}

/** Each port: the planned peer, the LLDP neighbour seen, and the state of its cabling findings. */
function cablesPanel(cables) {
  const ports = cables ? cables.ports : [];
  return el('div', { className: 'panel cables-panel' }, el('h3', {}, 'Cables'),
    ports.length === 0 ? el('p', { className: 'muted' }, 'no cable planned or seen')
      : el('table', { className: 'cables' },
        el('thead', {}, el('tr', {}, ['Port', 'Planned peer', 'Seen (LLDP)', 'Link', 'State']
          .map((h) => el('th', {}, h)))),
        el('tbody', {}, ports.map((p) => el('tr', { 'data-port': p.port, 'data-state': p.state },
          el('td', {}, p.interface),
          el('td', {}, p.planned.length === 0 ? '–'
            : p.planned.map((l) => l.peerDeviceName + ' ' + l.peerInterface).join(' or ')),
          el('td', { className: 'seen' }, p.seenPeer
            ? [p.seenPeer.systemName || 'chassis ' + (p.seenPeer.chassisId || '?'), p.seenPeer.portId]
              .filter(Boolean).join(' ') : '–'),
          el('td', {}, p.linkStatus || '–'),
          el('td', {}, el('span', { className: 'cable-state cable-' + p.state }, p.state)))))));
}

function fact(name, value) {
  return [el('dt', {}, name), el('dd', {}, value === null || value === undefined ? '–' : String(value))];
}
