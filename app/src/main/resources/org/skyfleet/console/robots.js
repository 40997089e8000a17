// Robots beside officers. On the map each paired robot is joined to its officer by a line with a badge (the
// officer, the stand-off, why it holds); in a robot's details its duty and, for the roles that may task robots
// (an officer for their own unit, dispatchers, commanders), pair and unpair controls. Strings: robots.* in the
// catalogue. Read every two seconds with the other slow layers.
import { rpc } from './api.js';
import { t } from './i18n.js';

const TASKERS = ['OFFICER', 'DISPATCHER', 'COMMANDER', 'ADMIN'];
const byRobot = new Map();
const chosenUnit = new Map();
const chosenStandOff = new Map();
const outcome = new Map();
let role = '';
let subject = '';
const esc = (v) => String(v ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
const state = (r) => (r.escort_state ? t('robots.state.' + r.escort_state) : '');

/** Who is signed in: decides whether the pair and unpair controls show. */
export function signedIn(who, as) { subject = who || ''; role = (as || '').toUpperCase(); }

export class RobotLinks {
  constructor(map, vehicles, overlays) {
    this.layer = L.layerGroup().addTo(map);
    this.vehicles = vehicles;
    this.overlays = overlays;
  }

  async refresh() {
    try {
      const r = await rpc('RobotService/ListRobots');
      byRobot.clear();
      for (const x of r.robots || []) byRobot.set(x.robot_vehicle_id, x);
    } catch (e) {
      // a role that may not list robots sees no pairings; the rest of the map still shows
    }
    this.draw();
  }

  draw() {
    this.layer.clearLayers();
    const units = new Map(this.overlays.data.units.map(u => [u.unit_id, u]));
    for (const r of byRobot.values()) {
      if (r.duty !== 'ROBOT_DUTY_FOLLOWING') continue;
      const v = this.vehicles.byId.get(r.robot_vehicle_id);
      const u = units.get(r.unit_id);
      if (!v || typeof v.latDeg !== 'number' || !u || !u.position) continue;
      const holding = r.escort_state === 'OFFICER_STALE' || r.escort_state === 'TARGET_IN_EXCLUSION' || r.escort_state === 'LEASE_LOST';
      L.polyline([[v.latDeg, v.lonDeg], [u.position.lat_deg, u.position.lon_deg]],
        { color: holding ? '#f0b429' : '#3ecf8e', weight: 2, className: 'robot-pair' })
        .bindTooltip(esc(t('robots.badge', { officer: u.callsign || u.unit_id, m: (r.stand_off_m || 0).toFixed(0), state: state(r) })),
          { permanent: true, direction: 'right', className: 'robot-badge' })
        .addTo(this.layer);
    }
  }
}

/** The rows and controls of a robot's details, as DOM nodes; none for a vehicle the server does not task. */
export function robotNodes(vehicleId, units, kv) {
  const r = byRobot.get(vehicleId);
  const nodes = [];
  if (r) {
    nodes.push(kv([[t('robots.duty'), t('robots.duty.' + r.duty)],
      [t('robots.officer'), r.duty === 'ROBOT_DUTY_FOLLOWING' ? t('robots.officerValue', { unit: r.unit_id, m: r.stand_off_m.toFixed(1) }) : ''],
      [t('robots.escort'), state(r)],
      [t('robots.dock'), r.dock ? `${r.dock.lat_deg.toFixed(5)}, ${r.dock.lon_deg.toFixed(5)}` : '']]));
  }
  if (!TASKERS.includes(role)) return nodes;
  const row = document.createElement('div');
  row.className = 'row';
  row.classList.add('robot-controls');
  const said = document.createElement('span');
  said.className = 'robot-outcome';
  said.textContent = outcome.get(vehicleId) || '';
  const act = async (method, body) => {
    try { await rpc(method, body); outcome.set(vehicleId, ''); }
    catch (e) { outcome.set(vehicleId, e.status === 403 ? t('robots.notAllowed') : e.message); }
    said.textContent = outcome.get(vehicleId);
  };
  if (r && r.duty === 'ROBOT_DUTY_FOLLOWING') {
    const b = document.createElement('button');
    b.type = 'button';
    b.id = 'unpairRobot';
    b.textContent = t('robots.unpair');
    b.onclick = () => act('RobotService/UnpairRobot', { robot_vehicle_id: vehicleId });
    row.append(b);
  } else {
    const pick = document.createElement('select');
    pick.id = 'pairUnit';
    const officers = role === 'OFFICER' ? units.filter(u => u.unit_id === subject) : units;
    for (const u of officers) {
      const o = document.createElement('option');
      o.value = u.unit_id;
      o.textContent = u.callsign || u.unit_id;
      pick.append(o);
    }
    if (chosenUnit.has(vehicleId)) pick.value = chosenUnit.get(vehicleId);
    pick.onchange = () => chosenUnit.set(vehicleId, pick.value);
    const standOff = document.createElement('input');
    standOff.id = 'pairStandOff';
    standOff.type = 'number';
    standOff.min = '1';
    standOff.max = '50';
    standOff.step = '0.5';
    standOff.value = chosenStandOff.get(vehicleId) || '3';
    standOff.title = t('robots.standOff');
    standOff.onchange = () => chosenStandOff.set(vehicleId, standOff.value);
    const b = document.createElement('button');
    b.type = 'button';
    b.id = 'pairRobot';
    b.textContent = t('robots.pair');
    b.disabled = officers.length === 0;
    b.onclick = () => act('RobotService/PairRobot', { robot_vehicle_id: vehicleId, unit_id: pick.value, stand_off_m: Number(standOff.value) });
    row.append(pick, standOff, b);
  }
  row.append(said);
  nodes.push(row);
  return nodes;
}
