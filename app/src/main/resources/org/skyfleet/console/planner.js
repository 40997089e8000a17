// Pilot tools: draw an area, a datum or a route, pick the vehicles, ask the server to plan, see the plan
// with its metrics, approve it (one mission per vehicle, created and approved on the server).
import { rpc } from './api.js';
import { t } from './i18n.js';

const AREA = ['MISSION_PATTERN_COVERAGE', 'MISSION_PATTERN_PARALLEL_TRACK', 'MISSION_PATTERN_CREEPING_LINE'];
const DATUM = ['MISSION_PATTERN_EXPANDING_SQUARE', 'MISSION_PATTERN_SECTOR'];
const ROUTE_COLOURS = ['#4fb3ff', '#3ecf8e', '#f0b429', '#e879f9', '#ff8a4c', '#8da0b3'];
// What the console assumes of a vehicle the planner is not told more about: a small police quadcopter.
const PROFILE = { cruise_speed_m_s: 10, climb_rate_m_s: 3, endurance_s: 1800 };

export class Planner {
  constructor(map, vehicles, els) {
    this.map = map;
    this.vehicles = vehicles;
    this.els = els;
    this.points = [];
    this.drawing = false;
    this.plan = null;
    this.layer = L.layerGroup().addTo(map);
    els.draw.onclick = () => this.start();
    els.finish.onclick = () => this.finish();
    els.plan.onclick = () => this.request();
    els.approve.onclick = () => this.approve();
    els.clear.onclick = () => this.clear();
    els.pattern.onchange = () => this.clear();
  }

  get pattern() { return this.els.pattern.value; }
  isDrawing() { return this.drawing; }

  start() {
    this.clear();
    this.drawing = true;
    this.els.draw.classList.add('active');
    this.say(t(AREA.includes(this.pattern) ? 'plan.clickArea' : DATUM.includes(this.pattern) ? 'plan.clickDatum' : 'plan.clickRoute'));
  }

  add(latlng) {
    this.points.push([latlng.lat, latlng.lng]);
    this.drawShape();
    if (DATUM.includes(this.pattern)) this.finish();
    this.els.finish.disabled = this.points.length < (AREA.includes(this.pattern) ? 3 : 2);
  }

  finish() {
    this.drawing = false;
    this.els.draw.classList.remove('active');
    this.els.finish.disabled = true;
    this.els.plan.disabled = false;
    this.drawShape();
    this.say(t('plan.pick'));
  }

  clear() {
    this.points = [];
    this.plan = null;
    this.drawing = false;
    this.layer.clearLayers();
    this.els.draw.classList.remove('active');
    for (const b of [this.els.finish, this.els.plan, this.els.approve]) b.disabled = true;
    this.say(t('plan.hint'));
  }

  drawShape() {
    this.layer.clearLayers();
    const style = { color: '#ffffff', weight: 2, dashArray: '4 4', fillOpacity: 0.05 };
    if (DATUM.includes(this.pattern) && this.points.length) L.circleMarker(this.points[0], { radius: 6, ...style }).addTo(this.layer);
    else if (AREA.includes(this.pattern) && !this.drawing && this.points.length >= 3) L.polygon(this.points, style).addTo(this.layer);
    else L.polyline(this.points, style).addTo(this.layer);
    this.points.forEach(p => L.circleMarker(p, { radius: 3, color: '#ffffff' }).addTo(this.layer));
  }

  /** Keeps the vehicle check boxes in step with the fleet, keeping what was ticked. */
  refreshPicks() {
    const box = this.els.picks;
    const ticked = new Set([...box.querySelectorAll('input:checked')].map(i => i.value));
    const ids = [...this.vehicles.byId.values()].filter(v => v.link !== 'LOST').map(v => v.id).sort();
    if (ids.join() === box.dataset.ids) return;
    box.dataset.ids = ids.join();
    box.replaceChildren(...ids.map(id => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox'; input.value = id; input.checked = ticked.has(id);
      label.append(input, ` ${id}`);
      return label;
    }));
  }

  chosen() { return [...this.els.picks.querySelectorAll('input:checked')].map(i => i.value); }

  async request() {
    const ids = this.chosen();
    if (ids.length === 0) { this.say(t('plan.pickOne'), true); return; }
    const alt = Number(this.els.altitude.value) || 60;
    const pt = ([lat, lon]) => ({ lat_deg: lat, lon_deg: lon });
    const req = {
      pattern: this.pattern,
      camera: { h_fov_deg: 70, altitude_agl_m: alt, side_overlap_percent: 20 },
      vehicles: ids.map(id => ({ vehicle_id: id, ...PROFILE })),
      split: ids.length > 1 ? 'SPLIT_POLICY_ALL_VEHICLES' : 'SPLIT_POLICY_FIRST_VEHICLE',
    };
    if (AREA.includes(this.pattern)) req.area = { outer: this.points.map(pt) };
    else if (DATUM.includes(this.pattern)) { req.datum = pt(this.points[0]); req.search = { radius_m: 300, course_deg: 0 }; }
    else req.patrol = { checkpoints: this.points.map(pt), laps: 1, alt_rel_m: alt };
    this.say(t('plan.planning'));
    try {
      this.plan = (await rpc('MissionService/PlanMission', req)).plan;
      this.showPlan(ids);
      this.els.approve.disabled = false;
    } catch (e) {
      this.say(t('plan.notPlanned', { error: e.message }), true);
    }
  }

  showPlan() {
    this.drawShape();
    const lines = [];
    this.plan.routes.forEach((r, k) => {
      const colour = ROUTE_COLOURS[k % ROUTE_COLOURS.length];
      L.polyline(r.waypoints.map(w => [w.lat_deg, w.lon_deg]), { color: colour, weight: 2.5, className: 'plan-route' }).addTo(this.layer);
      const v = this.vehicles.byId.get(r.vehicle_id) || {};
      const start = typeof v.batteryPercent === 'number' ? v.batteryPercent : 100;
      // the battery drains in proportion to flight time over the endurance the plan was made with
      const end = start - 100 * r.metrics.flight_time_s / PROFILE.endurance_s;
      lines.push(t('plan.route', { vehicle: r.vehicle_id, km: (r.metrics.length_m / 1000).toFixed(2),
        min: (r.metrics.flight_time_s / 60).toFixed(1), from: Math.round(start), to: Math.round(end) }));
    });
    const m = this.plan.metrics;
    lines.unshift(t('plan.summary', { km: (m.length_m / 1000).toFixed(2), min: (m.flight_time_s / 60).toFixed(1),
      coverage: (100 * m.coverage_ratio).toFixed(0) }));
    (this.plan.warnings || []).forEach(w => lines.push(t('plan.warning', { message: w.message })));
    this.say(lines.join('\n'));
    this.els.status.dataset.planned = String(this.plan.routes.length);
  }

  async approve() {
    this.els.approve.disabled = true;
    const ids = [];
    try {
      for (const r of this.plan.routes) {
        const created = await rpc('MissionService/CreateMission', { vehicle_id: r.vehicle_id, route: r, cruise_speed_m_s: PROFILE.cruise_speed_m_s });
        const approved = await rpc('MissionService/ApproveMission', { mission_id: created.mission.mission_id, reason: 'approved in the console' });
        ids.push(approved.mission.mission_id);
      }
      this.say(`${this.els.status.textContent}\n${t('plan.approved', { ids: ids.join(', ') })}`);
      this.approvedIds = ids;
      if (this.onApproved) this.onApproved(ids);
    } catch (e) {
      this.say(`${this.els.status.textContent}\n${t('plan.notApproved', { error: e.status === 403 ? t('error.notAllowed') : e.message })}`, true);
      this.els.approve.disabled = false;
    }
  }

  say(text, error) {
    this.els.status.textContent = text;
    this.els.status.className = error ? 'error' : 'muted';
    this.els.status.style.whiteSpace = 'pre-line';
  }
}
