// What changes slowly (zones, missions, searches, tracks, officers, incidents) is read through the JSON
// bridge every two seconds and redrawn as a whole; the vehicles, which change many times a second, come
// over the live feed instead.
import { rpc } from './api.js';
import { t, term, time } from './i18n.js';

const ZONE_COLOURS = {
  GEOFENCE_CATEGORY_AIRPORT: '#ef4e4e', GEOFENCE_CATEGORY_PRISON: '#ff8a4c', GEOFENCE_CATEGORY_CROWD_EVENT: '#f0b429',
  GEOFENCE_CATEGORY_TEMPORARY_RESTRICTION: '#e879f9', GEOFENCE_CATEGORY_POLICE_OPERATING_AREA: '#3ecf8e',
};
const UNIT_COLOURS = { UNIT_STATUS_AVAILABLE: '#3ecf8e', UNIT_STATUS_ASSIGNED: '#f0b429', UNIT_STATUS_BUSY: '#ff8a4c', UNIT_STATUS_OFF_DUTY: '#7b8794' };
const ring = (pts) => pts.map(p => [p.lat_deg, p.lon_deg]);
// Leaflet puts a tooltip string in as HTML: names and descriptions come from outside (a CAD system's
// incident text, an officer's callsign), so every tooltip is built from escaped text.
const esc = (v) => String(v ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));

export class Overlays {
  /** @param baseLayers the basemaps by their name, for the layer switch */
  constructor(map, select, baseLayers) {
    this.map = map;
    this.select = select;
    this.layers = {};
    for (const name of ['zones', 'search', 'missions', 'tracks', 'units', 'incidents']) {
      this.layers[name] = L.layerGroup().addTo(map);
    }
    this.control = L.control.layers(baseLayers && Object.keys(baseLayers).length ? baseLayers : null, {
      [t('layer.zones')]: this.layers.zones, [t('layer.search')]: this.layers.search, [t('layer.missions')]: this.layers.missions,
      [t('layer.tracks')]: this.layers.tracks, [t('layer.units')]: this.layers.units, [t('layer.incidents')]: this.layers.incidents,
    }, { collapsed: true, position: 'topleft' }).addTo(map);
    this.data = { zones: [], missions: [], incidents: [], tracks: [], units: [], searchMaps: {} };
    this.listeners = [];
  }

  onChange(l) { this.listeners.push(l); }

  async refresh() {
    const [zones, missions, incidents, tracks, units] = await Promise.all([
      rpc('GeofenceService/ListZones'), rpc('MissionService/ListMissions'), rpc('IncidentService/ListIncidents'),
      rpc('SightingService/ListTracks', { include_tentative: true }), rpc('DispatchService/ListUnits')]);
    const searchMaps = {};
    await Promise.all((incidents.incidents || []).filter(i => i.type === 'INCIDENT_TYPE_MISSING_PERSON').map(async i => {
      try { searchMaps[i.incident_id] = (await rpc('IncidentService/GetSearchMap', { incident_id: i.incident_id })).search_map; }
      catch (e) { if (e.status !== 404) throw e; }
    }));
    this.data = { zones: zones.zones || [], missions: missions.missions || [], incidents: incidents.incidents || [],
      tracks: tracks.tracks || [], units: units.units || [], searchMaps };
    this.draw();
    this.listeners.forEach(l => l(this.data));
  }

  draw() {
    Object.values(this.layers).forEach(l => l.clearLayers());
    const d = this.data;
    for (const z of d.zones) {
      if (z.category === 'GEOFENCE_CATEGORY_CITY_GATE' || z.category === 'GEOFENCE_CATEGORY_SMALL_GATE') continue; // gates.js draws them
      const colour = ZONE_COLOURS[z.category] || '#8da0b3';
      const style = { color: colour, weight: 2, fillOpacity: z.kind === 'GEOFENCE_ZONE_KIND_EXCLUSION' ? 0.18 : 0.04,
        dashArray: z.kind === 'GEOFENCE_ZONE_KIND_EXCLUSION' ? null : '6 4' };
      const shape = z.circle ? L.circle([z.circle.centre.lat_deg, z.circle.centre.lon_deg], { radius: z.circle.radius_m, ...style })
        : L.polygon([ring(z.polygon.outer), ...(z.polygon.holes || []).map(h => ring(h.points || []))], style);
      shape.bindTooltip(esc(t('tip.zone', { name: z.name || z.zone_id, category: term(z.category), kind: term(z.kind) }))).addTo(this.layers.zones);
    }
    for (const map of Object.values(d.searchMaps)) {
      const segments = (map && map.segments) || [];
      const max = Math.max(1e-9, ...segments.map(s => s.probability));
      for (const s of segments) {
        L.polygon(ring(s.area.outer), { stroke: false, fillColor: '#f0b429', fillOpacity: 0.5 * s.probability / max })
          .bindTooltip(esc(t('tip.segment', { id: s.segment_id, p: (100 * s.probability).toFixed(1), pod: (100 * s.probability_of_detection).toFixed(0) })
            + (s.assigned_vehicle_id ? ` · ${s.assigned_vehicle_id}` : '')))
          .addTo(this.layers.search);
      }
      (map.ring_radii_m || []).forEach(r => L.circle([map.last_known_point.lat_deg, map.last_known_point.lon_deg],
        { radius: r, color: '#f0b429', weight: 1, fill: false, dashArray: '2 6', interactive: false }).addTo(this.layers.search));
    }
    for (const m of d.missions) {
      if (['MISSION_STATE_COMPLETED', 'MISSION_STATE_ABORTED', 'MISSION_STATE_FAILED'].includes(m.state)) continue;
      // mission items carry MAVLink's degrees x 1e7; 16 is NAV_WAYPOINT, the legs worth drawing
      const pts = (m.items || []).filter(i => i.x_deg_e7 || i.y_deg_e7).map(i => [i.x_deg_e7 / 1e7, i.y_deg_e7 / 1e7]);
      if (pts.length < 2) continue;
      const done = Math.min(pts.length, Math.max(0, m.current_seq));
      L.polyline(pts, { color: '#4fb3ff', weight: 1.5, opacity: 0.6, dashArray: '4 4' }).addTo(this.layers.missions);
      if (done > 1) L.polyline(pts.slice(0, done), { color: '#4fb3ff', weight: 3, opacity: 0.9 }).addTo(this.layers.missions);
    }
    for (const tr of d.tracks) {
      const p = [tr.position.lat_deg, tr.position.lon_deg];
      const e = tr.ellipse95 || {};
      const confirmed = tr.state === 'TRACK_STATE_CONFIRMED';
      const colour = confirmed ? '#ef4e4e' : '#ff8a4c';
      this._ellipse(p, e.semi_major_m || 5, e.semi_minor_m || 5, e.orientation_deg || 0, colour).addTo(this.layers.tracks);
      // the evidence: each recent sighting where it was seen, joined to the track's estimate
      for (const seen of tr.recent_sightings || []) {
        if (!seen.position) continue;
        const at = [seen.position.lat_deg, seen.position.lon_deg];
        L.polyline([at, p], { color: colour, weight: 1, opacity: 0.35 }).addTo(this.layers.tracks);
        L.circleMarker(at, { radius: 2.5, color: colour, weight: 1, fillColor: '#0f1620', fillOpacity: 1, className: 'sighting' })
          .bindTooltip(esc(t('tip.sighting', { source: term(seen.source), id: seen.source_id, time: time(seen.time),
            confidence: Math.round(100 * (seen.confidence || 0)) })))
          .addTo(this.layers.tracks);
      }
      L.circleMarker(p, { radius: 5, color: colour, fillColor: colour, fillOpacity: 1 })
        .bindTooltip(esc(t('tip.track', { id: tr.track_id, class: term(tr.target_class), state: term(tr.state), n: (tr.sighting_ids || []).length })))
        .on('click', () => this.select({ type: 'track', id: tr.track_id })).addTo(this.layers.tracks);
    }
    const trackById = new Map(d.tracks.map(tr => [tr.track_id, tr]));
    for (const u of d.units) {
      // a robot on the dispatch roster is drawn once, as the vehicle it is
      if (!u.position || u.unit_type === 'UNIT_TYPE_GROUND_ROBOT') continue;
      const p = [u.position.lat_deg, u.position.lon_deg];
      const colour = UNIT_COLOURS[u.status] || '#8da0b3';
      L.circleMarker(p, { radius: 6, color: '#0f1620', weight: 2, fillColor: colour, fillOpacity: 1 })
        .bindTooltip(esc(t('tip.unit', { name: u.callsign || u.unit_id, status: term(u.status) })))
        .on('click', () => this.select({ type: 'unit', id: u.unit_id })).addTo(this.layers.units);
      // An assigned officer is joined to what they were sent to: the confirmed track of their incident.
      const incident = d.incidents.find(i => (i.unit_ids || []).includes(u.unit_id));
      const target = incident && (incident.track_ids || []).map(id => trackById.get(id)).find(Boolean);
      if (target) L.polyline([p, [target.position.lat_deg, target.position.lon_deg]], { color: colour, weight: 2, dashArray: '8 6' })
        .addTo(this.layers.units);
    }
    for (const i of d.incidents) {
      if (!i.location) continue;
      L.circleMarker([i.location.lat_deg, i.location.lon_deg], { radius: 9, color: '#ef4e4e', weight: 3, fill: false })
        .bindTooltip(esc(t('incidents.head', { id: i.incident_id, priority: term(i.priority), subject: i.subject_description || term(i.type) })))
        .on('click', () => this.select({ type: 'incident', id: i.incident_id })).addTo(this.layers.incidents);
    }
  }

  /** A 95 % ellipse in metres around a point, as a polygon (Leaflet has no ellipse). */
  _ellipse(centre, a, b, orientationDeg, colour) {
    const lat0 = centre[0] * Math.PI / 180, th = orientationDeg * Math.PI / 180, pts = [];
    for (let k = 0; k < 36; k++) {
      const t = (k / 36) * 2 * Math.PI, x = a * Math.cos(t), y = b * Math.sin(t);
      const north = x * Math.cos(th) - y * Math.sin(th), east = x * Math.sin(th) + y * Math.cos(th);
      pts.push([centre[0] + north / 111320, centre[1] + east / (111320 * Math.cos(lat0))]);
    }
    return L.polygon(pts, { color: colour, weight: 1, fillOpacity: 0.12, interactive: false });
  }
}

