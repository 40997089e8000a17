// The unit sent to an incident and its way there, as dispatch estimated it (DispatchService/ListAssignments): by road,
// the route is drawn on the map and the ETA reads "by road"; the straight-line fallback draws no route and says it is
// one. Routes are WGS-84 points like every layer: the map's datum projection (datum.js) puts them on the basemap's
// streets. Details redraw once a second from the last answer; the list is read with the other slow layers.
import { rpc } from './api.js';
import { t, term } from './i18n.js';

const COLOUR = '#2dd4bf';
const esc = (v) => String(v ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
let latest = [];

const minutes = (a) => Math.max(1, Math.round((a.eta_s || 0) / 60));
const km = (m) => ((m || 0) / 1000).toFixed(1);

/** What the ETA was worked out from, in words: by road with the route's length, or the named fallback. */
export function etaText(a) {
  if (a.eta_method === 'ETA_METHOD_ROAD') return t('route.byRoad', { min: minutes(a), km: km(a.route_length_m) });
  if (a.eta_method === 'ETA_METHOD_STRAIGHT_LINE') return t('route.straightLine', { min: minutes(a), km: km(a.distance_m) });
  return t('route.unknown', { min: minutes(a) });
}

export class AssignmentRoutes {
  /** @param control the map's layer switch, to turn the routes off and on */
  constructor(map, control) {
    this.map = map;
    this.layer = L.layerGroup().addTo(map);
    if (control) control.addOverlay(this.layer, t('layer.routes'));
    this.drawn = new Map(); // assignment id -> its polyline, for tests and a person at the browser's console
    this.allowed = true;
  }

  async refresh(units) {
    if (!this.allowed) return;
    try {
      latest = (await rpc('DispatchService/ListAssignments', { open_only: true })).assignments || [];
    } catch (e) {
      if (e.status !== 403) throw e;
      this.allowed = false; // an officer's console: assignments come to their own app
      latest = [];
    }
    this.draw(units || []);
  }

  draw(units) {
    this.layer.clearLayers();
    this.drawn.clear();
    const callsign = new Map(units.map(u => [u.unit_id, u.callsign || u.unit_id]));
    for (const a of latest) {
      const route = a.route || [];
      if (a.eta_method !== 'ETA_METHOD_ROAD' || route.length < 2) continue;
      const line = L.polyline(route.map(p => [p.lat_deg, p.lon_deg]), { color: COLOUR, weight: 4, opacity: 0.9 })
        .bindTooltip(esc(t('route.tip', { unit: callsign.get(a.unit_id) || a.unit_id, incident: a.incident_id, eta: etaText(a) })))
        .addTo(this.layer);
      this.drawn.set(a.assignment_id, line);
    }
  }

  assignments() { return latest.slice(); }
}

/** The incident's open assignments as last read. */
export function openAssignments(incidentId) { return latest.filter(a => a.incident_id === incidentId); }

/** Rows [label, value] for an incident's details: each open assignment's unit and ETA. */
export function routeRows(incidentId, units) {
  const rows = [];
  for (const a of latest.filter(x => x.incident_id === incidentId)) {
    const u = units.find(x => x.unit_id === a.unit_id);
    rows.push([t('route.unit'), t('route.unitValue', { unit: (u && u.callsign) || a.unit_id, state: term(a.state) })]);
    rows.push([t('route.eta'), etaText(a)]);
  }
  return rows;
}

/** Rows for a unit's details: its open assignment's ETA, if it has one. */
export function unitRouteRows(unitId) {
  const a = latest.find(x => x.unit_id === unitId);
  return a ? [[t('route.eta'), etaText(a)]] : [];
}
