// The city's gates (城市之门): big gates (toll stations, ports, railway stations, airports) and small gates
// (communities, villages, schools, markets, ...). Read through the JSON bridge (GateService/ListGates) every
// two seconds: each gate with its counters (last hour, today in the command centre's zone) and its latest
// crossings. Drawn on the map by category with their name and counts always shown (a wall has no mouse).
import { rpc } from './api.js';
import { t, time } from './i18n.js';

const POLL_MS = 2000;
export const GATE_COLOURS = { GEOFENCE_CATEGORY_CITY_GATE: '#ff6b4a', GEOFENCE_CATEGORY_SMALL_GATE: '#4cb7ff' };
const ring = (pts) => pts.map(p => [p.lat_deg, p.lon_deg]);

/** A gate's kind in words ("学校", "toll station"). */
export function gateKind(zone) {
  return t('gates.kind.' + String(zone.gate_kind || '').replace('GATE_KIND_', ''));
}

/** What crossed, in words ("无人机"). */
export function subjectKind(kind) {
  return t('gates.subject.' + String(kind || '').replace('GATE_SUBJECT_KIND_', ''));
}

/** One crossing as a line: time, what, which way, which gate. */
export function crossingText(c, name) {
  const key = c.direction === 'GATE_CROSSING_DIRECTION_IN' ? 'gates.crossedIn' : 'gates.crossedOut';
  return t(key, { time: time(c.time), kind: subjectKind(c.subject_kind), subject: c.subject_id, gate: name });
}

export class Gates {
  /** @param panel the element the gates' table and latest crossings go in (null on the wall, which draws its own) */
  constructor(map, panel) {
    this.map = map;
    this.panel = panel;
    this.layer = L.layerGroup().addTo(map);
    this.gates = [];
    this.listeners = [];
    this.drawnIds = '';
  }

  onChange(l) { this.listeners.push(l); }

  start() {
    const poll = async () => {
      try { await this.refresh(); } catch (e) { console.warn('refresh failed', e.message); }
    };
    poll();
    this.timer = setInterval(poll, POLL_MS);
    return this;
  }

  async refresh() {
    const reply = await rpc('GateService/ListGates', {});
    this.gates = reply.gates || [];
    this.draw();
    if (this.panel) this.render();
    this.listeners.forEach(l => l(this.gates));
  }

  /** Name, kind and counts by gate id, for tests and the wall. */
  counts() {
    return Object.fromEntries(this.gates.map(g => [g.zone.zone_id, {
      name: g.zone.name, category: g.zone.category, hourIn: Number(g.last_hour_in_count), hourOut: Number(g.last_hour_out_count),
      todayIn: Number(g.today_in_count), todayOut: Number(g.today_out_count) }]));
  }

  /** Every gate's latest crossings, newest first. */
  latest(max) {
    const names = Object.fromEntries(this.gates.map(g => [g.zone.zone_id, g.zone.name || g.zone.zone_id]));
    return this.gates.flatMap(g => g.latest || []).sort((a, b) => String(b.time).localeCompare(String(a.time)))
      .slice(0, max).map(c => ({ ...c, gateName: names[c.gate_id] }));
  }

  /** Outlines are rebuilt only when the gates change; each poll only rewrites the labels' counts. */
  draw() {
    const key = JSON.stringify(this.gates.map(g => g.zone));
    if (key !== this.drawnKey) {
      this.layer.eachLayer(l => l.unbindTooltip());
      this.layer.clearLayers();
      this.labels = new Map();
      for (const g of this.gates) {
        const z = g.zone;
        const colour = GATE_COLOURS[z.category] || '#8da0b3';
        const style = { color: colour, weight: z.category === 'GEOFENCE_CATEGORY_CITY_GATE' ? 4 : 2, fillOpacity: 0.15 };
        const shape = z.circle ? L.circle([z.circle.centre.lat_deg, z.circle.centre.lon_deg], { radius: z.circle.radius_m, ...style })
          : L.polygon([ring(z.polygon.outer), ...(z.polygon.holes || []).map(h => ring(h.points || []))], style);
        const label = document.createElement('span');
        label.className = 'gate-label';
        label.dataset.gateId = z.zone_id;
        shape.bindTooltip(label, { permanent: true, direction: 'center', className: 'gate-tip' });
        shape.addTo(this.layer);
        this.labels.set(z.zone_id, label);
      }
      this.drawnKey = key;
    }
    for (const g of this.gates) {
      const label = this.labels.get(g.zone.zone_id);
      label.textContent = t('gates.label', { name: g.zone.name || g.zone.zone_id, kind: gateKind(g.zone),
        in: g.last_hour_in_count, out: g.last_hour_out_count });
    }
  }

  render() {
    const el = this.panel;
    if (this.gates.length === 0) { el.textContent = t('gates.none'); el.className = 'muted'; return; }
    el.className = '';
    const table = document.createElement('table');
    table.className = 'gates';
    const head = table.createTHead().insertRow();
    for (const k of ['gates.col.gate', 'gates.col.lastHour', 'gates.col.today']) {
      const th = document.createElement('th');
      th.textContent = t(k);
      head.append(th);
    }
    const body = table.createTBody();
    for (const g of this.gates) {
      const row = body.insertRow();
      row.dataset.gateId = g.zone.zone_id;
      row.className = g.zone.category === 'GEOFENCE_CATEGORY_CITY_GATE' ? 'city-gate' : 'small-gate';
      row.insertCell().textContent = t('gates.name', { name: g.zone.name || g.zone.zone_id, kind: gateKind(g.zone) });
      row.insertCell().textContent = t('gates.inOut', { in: g.last_hour_in_count, out: g.last_hour_out_count });
      row.insertCell().textContent = t('gates.inOut', { in: g.today_in_count, out: g.today_out_count });
      row.onclick = () => this.focus(g);
    }
    const latest = document.createElement('ol');
    latest.className = 'gate-crossings';
    for (const c of this.latest(8)) {
      const li = document.createElement('li');
      li.textContent = crossingText(c, c.gateName);
      if (c.watched) li.className = 'watched';
      latest.append(li);
    }
    const title = document.createElement('div');
    title.className = 'muted';
    title.textContent = t('gates.latest');
    el.replaceChildren(table, title, latest);
  }

  focus(g) {
    const z = g.zone;
    if (z.circle) this.map.panTo([z.circle.centre.lat_deg, z.circle.centre.lon_deg]);
    else this.map.fitBounds(L.latLngBounds(ring(z.polygon.outer)).pad(0.5), { maxZoom: 17, animate: false });
  }
}
