// The wall: the command centre's 5 x 3 m screen (/console/?wall=1). Four panels around the map (force,
// incidents, handling, situation) and a density layer of everything that reports a position, all from the
// same feeds as the desk console (the live feed, the two-second polls). Nothing depends on a mouse: every
// label is always shown, and the page needs no touch once signed in. Sizes are in rem and the root font
// scales with the screen's width, so 1920x1080 and 3840x2160 show the same layout, twice as large.
import { t, term, time } from './i18n.js';
import { gateKind, crossingText } from './gates.js';

const REFRESH_MS = 1000;
const DENSITY_CELL_DEG = 0.004; // about 440 m north-south, 385 m east-west at Ningbo's latitude

// Read when the module loads, before signing in from a link (#token=...) rewrites the address.
const OPENED_AS_WALL = new URLSearchParams(location.search).get('wall') === '1';

/** True when the page was opened as the wall. */
export function isWall() {
  return OPENED_AS_WALL;
}

/** Puts the page into the wall's layout before the map is made, so the map is sized for its cell. */
export function prepareWall() {
  document.documentElement.classList.add('wall');
  const wall = el('div');
  wall.id = 'wall';
  const head = el('header', 'wall-head');
  head.append(el('span', 'wall-title', t('wall.title')));
  for (const id of ['wallTotals', 'wallClock']) { const s = el('span'); s.id = id; head.append(s); }
  wall.append(head);
  for (const [id, key] of [['wallForce', 'wall.force'], ['wallIncidents', 'wall.incidents'], ['wallMap', null],
    ['wallHandling', 'wall.handling'], ['wallSituation', 'wall.situation']]) {
    const box = el(key ? 'section' : 'div', key ? 'wall-panel' : '');
    box.id = id;
    if (key) box.append(el('h2', '', t(key)), el('div', 'wall-body'));
    wall.append(box);
  }
  document.body.append(wall);
  wall.querySelector('#wallMap').append(document.getElementById('map'));
}

const metres = (a, b) => {
  const r = 6371008.8, rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad, dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
};

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A big number with its label under it; data-count names it for tests. */
function figure(name, value, label) {
  const box = el('div', 'wall-figure');
  const n = el('b', '', String(value));
  n.dataset.count = name;
  box.append(n, el('span', '', label));
  return box;
}

export class Wall {
  constructor({ map, vehicles, overlays, vessels, gates, clockOffsetMs }) {
    Object.assign(this, { map, vehicles, overlays, vessels, gates, clockOffsetMs });
    this.density = L.layerGroup().addTo(map);
    this.figures = {};
  }

  start() {
    this.refresh();
    setInterval(() => this.refresh(), REFRESH_MS);
    return this;
  }

  refresh() {
    const d = this.overlays.data;
    const all = [...this.vehicles.byId.values()];
    const live = all.filter(v => v.link !== 'LOST');
    const robots = live.filter(v => v.surface);
    const drones = live.filter(v => !v.surface);
    const airborne = drones.filter(v => v.armed && typeof v.altRelM === 'number' && v.altRelM > 2);
    // people on duty: a robot on the dispatch roster is counted once, among the robots (from its own link)
    const onDuty = d.units.filter(u => u.status !== 'UNIT_STATUS_OFF_DUTY' && u.unit_type !== 'UNIT_TYPE_GROUND_ROBOT');
    const open = d.incidents.filter(i => i.state !== 'INCIDENT_STATE_CLOSED');
    const assigned = onDuty.filter(u => u.assignment_id);
    this.figures = { unitsOnDuty: onDuty.length, robotsOnDuty: robots.length, drones: drones.length, airborne: airborne.length,
      vessels: this.vessels.vessels.length, tracks: d.tracks.length, openIncidents: open.length, assignments: assigned.length };
    document.getElementById('wallClock').textContent = t('bar.clock', { time: time(Date.now() + this.clockOffsetMs()), zone: '' }).trim();
    document.getElementById('wallTotals').textContent = t('wall.totals', this.figures);
    this.force(onDuty, robots, drones, airborne);
    this.incidents(open);
    this.handling(assigned, open);
    this.situation();
    this.drawDensity(all);
  }

  body(id) { return document.querySelector(`#${id} .wall-body`); }

  force(onDuty, robots, drones, airborne) {
    const f = this.figures;
    const row = el('div', 'wall-figures');
    row.append(figure('unitsOnDuty', f.unitsOnDuty, t('wall.unitsOnDuty')), figure('robotsOnDuty', f.robotsOnDuty, t('wall.robotsOnDuty')),
      figure('airborne', `${f.airborne}/${f.drones}`, t('wall.dronesAirborne')), figure('vessels', f.vessels, t('wall.vessels')));
    const byStatus = {};
    for (const u of onDuty) byStatus[u.status] = (byStatus[u.status] || 0) + 1;
    const list = el('ul', 'wall-list');
    for (const [status, n] of Object.entries(byStatus).sort()) list.append(el('li', '', t('wall.unitsByStatus', { status: term(status), n })));
    for (const v of robots.slice(0, 4)) list.append(el('li', '', t('wall.robot', { id: v.id, battery: Math.round(v.batteryPercent ?? 0) })));
    this.body('wallForce').replaceChildren(row, list);
  }

  incidents(open) {
    const byPriority = {};
    const bySearch = {};
    for (const i of open) {
      byPriority[i.priority] = (byPriority[i.priority] || 0) + 1;
      const s = i.search && i.search.state && i.search.state !== 'SEARCH_STATE_NONE' ? i.search.state : 'none';
      bySearch[s] = (bySearch[s] || 0) + 1;
    }
    const row = el('div', 'wall-figures');
    row.append(figure('openIncidents', open.length, t('wall.openIncidents')));
    for (const [p, n] of Object.entries(byPriority).sort()) row.append(figure('priority-' + p, n, term(p)));
    const states = el('ul', 'wall-list');
    for (const [s, n] of Object.entries(bySearch).sort()) {
      states.append(el('li', '', t('wall.bySearchState', { state: s === 'none' ? t('wall.noSearch') : term(s), n })));
    }
    const list = el('ol', 'wall-list');
    for (const i of open.slice(-6).reverse()) {
      list.append(el('li', '', t('wall.incidentLine', { id: i.incident_id, type: term(i.type), priority: term(i.priority),
        subject: i.subject_description || '' }).trim()));
    }
    this.body('wallIncidents').replaceChildren(row, states, list);
  }

  handling(assigned, open) {
    const tracks = Object.fromEntries(this.overlays.data.tracks.map(tr => [tr.track_id, tr]));
    const list = el('ol', 'wall-list');
    for (const u of assigned) {
      // the assignment's ETA as the server estimated it when it assigned, from the incident's timeline
      let entry = null, incident = null;
      for (const i of open) {
        for (const e of i.timeline || []) {
          if (e.code === 'UNIT_ASSIGNED' && e.params && e.params.unit === u.unit_id) { entry = e; incident = i; }
        }
      }
      const track = entry && tracks[entry.params.track];
      const distance = track && u.position ? Math.round(metres([u.position.lat_deg, u.position.lon_deg],
        [track.position.lat_deg, track.position.lon_deg])) : null;
      const eta = entry && entry.params.eta_min ? time(new Date(new Date(entry.time).getTime() + Number(entry.params.eta_min) * 60000)) : '';
      const li = el('li', '', t('wall.assignment', { unit: u.callsign || u.unit_id, incident: incident ? incident.incident_id : u.assignment_id,
        distance_m: distance ?? '—', eta: eta || '—' }));
      li.dataset.unitId = u.unit_id;
      list.append(li);
    }
    if (!assigned.length) list.append(el('li', 'muted', t('wall.noAssignments')));
    this.body('wallHandling').replaceChildren(figure('assignments', assigned.length, t('wall.assignments')), list);
  }

  situation() {
    const gates = [...this.gates.gates].sort((a, b) =>
      (Number(b.last_hour_in_count) + Number(b.last_hour_out_count)) - (Number(a.last_hour_in_count) + Number(a.last_hour_out_count)));
    const table = el('ol', 'wall-list');
    table.classList.add('wall-gates');
    for (const g of gates.slice(0, 6)) {
      const li = el('li', g.zone.category === 'GEOFENCE_CATEGORY_CITY_GATE' ? 'city-gate' : 'small-gate',
        t('wall.gateLine', { name: g.zone.name || g.zone.zone_id, kind: gateKind(g.zone), in: g.last_hour_in_count,
          out: g.last_hour_out_count, today_in: g.today_in_count, today_out: g.today_out_count }));
      li.dataset.gateId = g.zone.zone_id;
      table.append(li);
    }
    if (!gates.length) table.append(el('li', 'muted', t('gates.none')));
    const latest = el('ol', 'wall-list');
    latest.classList.add('wall-crossings');
    for (const c of this.gates.latest(5)) latest.append(el('li', c.watched ? 'watched' : '', crossingText(c, c.gateName)));
    this.body('wallSituation').replaceChildren(el('div', 'wall-sub', t('gates.title')), table,
      el('div', 'wall-sub', t('gates.latest')), latest, el('div', 'wall-legend', t('wall.densityLegend')));
  }

  /** Everything that reports a position, binned into cells; a cell's shade grows with what is in it. */
  drawDensity(vehicles) {
    const cells = new Map();
    const add = (lat, lon) => {
      if (typeof lat !== 'number' || typeof lon !== 'number') return;
      const key = `${Math.floor(lat / DENSITY_CELL_DEG)}:${Math.floor(lon / DENSITY_CELL_DEG)}`;
      cells.set(key, (cells.get(key) || 0) + 1);
    };
    for (const v of vehicles) add(v.latDeg, v.lonDeg);
    for (const u of this.overlays.data.units) if (u.position) add(u.position.lat_deg, u.position.lon_deg);
    for (const tr of this.overlays.data.tracks) add(tr.position.lat_deg, tr.position.lon_deg);
    for (const v of this.vessels.vessels) if (v.has_position) add(v.position.lat_deg, v.position.lon_deg);
    this.density.clearLayers();
    for (const [key, n] of cells) {
      const [i, j] = key.split(':').map(Number);
      L.rectangle([[i * DENSITY_CELL_DEG, j * DENSITY_CELL_DEG], [(i + 1) * DENSITY_CELL_DEG, (j + 1) * DENSITY_CELL_DEG]],
        { stroke: false, fillColor: '#f0b429', fillOpacity: Math.min(0.55, 0.12 + 0.08 * n), interactive: false }).addTo(this.density);
    }
    this.densityCells = cells.size;
  }
}
