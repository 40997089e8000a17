// The selected thing's details: a vehicle with its mission progress, a track, an officer.
import { short } from './overlays.js';
import { rpc } from './api.js';
import { aircraftRows } from './aircraft.js';

const kv = (pairs) => {
  const dl = document.createElement('dl');
  dl.className = 'kv';
  for (const [k, v] of pairs) {
    if (v === undefined || v === null || v === '') continue;
    const dt = document.createElement('dt'); dt.textContent = k;
    const dd = document.createElement('dd'); dd.textContent = v;
    dl.append(dt, dd);
  }
  return dl;
};
const fixed = (x, d, unit) => (typeof x === 'number' ? `${x.toFixed(d)}${unit}` : undefined);

// An unsigned vehicle heard from an unconfirmed address: nothing is sent to it until someone vouches for the address.
const claimStatus = new Map();
function claimRow(v) {
  const box = document.createElement('div');
  box.className = 'claim';
  box.append(kv([['link claim', `${v.linkClaim}, unconfirmed: nothing is sent to it`],
    ['confirmed address', v.linkPeer || 'none yet']]));
  const row = document.createElement('div');
  row.className = 'row';
  const b = document.createElement('button');
  b.type = 'button';
  b.id = 'confirmLinkClaim';
  b.textContent = `Confirm link at ${v.linkClaim}`;
  const status = document.createElement('span');
  status.textContent = claimStatus.get(v.id) || '';
  b.onclick = async () => {
    try {
      await rpc('FleetService/ConfirmLinkClaim', { vehicle_id: v.id, claimed_address: v.linkClaim });
      claimStatus.set(v.id, '');
    } catch (e) {
      claimStatus.set(v.id, e.status === 403 ? 'not allowed: a commander, or the pilot holding the lease' : e.message);
      status.className = 'error';
      status.textContent = claimStatus.get(v.id);
    }
  };
  row.append(b, status);
  box.append(row);
  return box;
}

export function renderDetails(el, selection, vehicles, overlays) {
  if (!selection) return;
  const d = overlays.data;
  if (selection.type === 'vehicle') {
    const v = vehicles.byId.get(selection.id);
    if (!v) return;
    const silence = vehicles.silenceS(v);
    const nodes = [kv([
      ['vehicle', v.id], ['type', v.surface ? 'ground robot' : 'drone'], ['autopilot', short(v.autopilot)],
      ['link', v.link === 'LOST' ? `LOST, last heard ${Math.round(silence)} s ago` : 'connected'],
      ['mode', `${v.mode || '?'}${v.armed ? ' (armed)' : ''}`], ['altitude', fixed(v.altRelM, 0, ' m above home')],
      ['heading', fixed(v.headingDeg, 0, '°')], ['speed', fixed(v.speedMps, 1, ' m/s')],
      ['battery', fixed(v.batteryPercent, 0, ' %')], ['position', `${fixed(v.latDeg, 5, '')}, ${fixed(v.lonDeg, 5, '')}`],
    ])];
    nodes.push(kv(aircraftRows(v.id)));
    if (v.linkClaim) nodes.push(claimRow(v));
    const live = ['MISSION_STATE_APPROVED', 'MISSION_STATE_UPLOADING', 'MISSION_STATE_UPLOADED', 'MISSION_STATE_FLYING', 'MISSION_STATE_PAUSED'];
    const mission = d.missions.filter(m => m.vehicle_id === v.id && live.includes(m.state)).pop();
    if (mission) {
      const total = (mission.items || []).length || 1;
      const bar = document.createElement('div');
      bar.className = 'progress';
      const fill = document.createElement('div');
      fill.style.width = `${Math.round(100 * (mission.items_done || 0) / total)}%`;
      bar.append(fill);
      nodes.push(kv([['mission', `${mission.mission_id} · ${short(mission.state)}`],
        ['progress', `${mission.items_done || 0} of ${total} items`]]), bar);
    } else {
      nodes.push(kv([['mission', 'none']]));
    }
    el.replaceChildren(...nodes);
  } else if (selection.type === 'track') {
    const t = d.tracks.find(x => x.track_id === selection.id);
    if (!t) return;
    el.replaceChildren(kv([['track', t.track_id], ['class', short(t.target_class)], ['state', short(t.state)],
      ['confidence', fixed(100 * t.confidence, 0, ' %')], ['sightings', String((t.sighting_ids || []).length)],
      ['95 % ellipse', t.ellipse95 ? `${t.ellipse95.semi_major_m.toFixed(1)} x ${t.ellipse95.semi_minor_m.toFixed(1)} m` : undefined],
      ['incident', t.incident_id]]));
  } else if (selection.type === 'unit') {
    const u = d.units.find(x => x.unit_id === selection.id);
    if (!u) return;
    el.replaceChildren(kv([['officer', u.callsign || u.unit_id], ['type', short(u.unit_type)], ['status', short(u.status)],
      ['assignment', u.assignment_id || 'none'], ['last report', u.last_report ? u.last_report.substring(11, 19) : undefined]]));
  } else if (selection.type === 'incident') {
    const i = d.incidents.find(x => x.incident_id === selection.id);
    if (!i) return;
    el.replaceChildren(kv([['incident', i.incident_id], ['external id', i.external_id], ['priority', short(i.priority)],
      ['state', short(i.state)], ['subject', i.subject_description], ['search', i.search ? short(i.search.state) : 'none'],
      ['found so far', i.search ? fixed(100 * i.search.cumulative_probability_of_success, 0, ' % probability searched') : undefined]]));
  }
}
