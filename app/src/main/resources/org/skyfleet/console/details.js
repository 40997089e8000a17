// The selected thing's details: a vehicle with its mission progress, a track, an officer.
import { t, term, time } from './i18n.js';
import { rpc } from './api.js';
import { aircraftRows } from './aircraft.js';
import { robotNodes } from './robots.js';
import { responseRows } from './response.js';
import { routeRows, unitRouteRows } from './routes.js';

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
  box.append(kv([[t('details.linkClaim'), t('details.linkClaimValue', { claim: v.linkClaim })],
    [t('details.confirmedAddress'), v.linkPeer || t('details.noneYet')]]));
  const row = document.createElement('div');
  row.className = 'row';
  const b = document.createElement('button');
  b.type = 'button';
  b.id = 'confirmLinkClaim';
  b.textContent = t('details.confirmLink', { claim: v.linkClaim });
  const status = document.createElement('span');
  status.textContent = claimStatus.get(v.id) || '';
  b.onclick = async () => {
    try {
      await rpc('FleetService/ConfirmLinkClaim', { vehicle_id: v.id, claimed_address: v.linkClaim });
      claimStatus.set(v.id, '');
    } catch (e) {
      claimStatus.set(v.id, e.status === 403 ? t('details.confirmNotAllowed') : e.message);
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
  const L_ = (k) => t('details.' + k);
  if (selection.type === 'vehicle') {
    const v = vehicles.byId.get(selection.id);
    if (!v) return;
    const silence = vehicles.silenceS(v);
    const nodes = [kv([
      [L_('vehicle'), v.id], [L_('type'), v.surface ? L_('robot') : L_('drone')], [L_('autopilot'), term('AUTOPILOT_' + v.autopilot)],
      [L_('link'), v.link === 'LOST' ? t('details.linkLost', { s: Math.round(silence) }) : L_('connected')],
      [L_('mode'), v.armed ? t('details.armed', { mode: v.mode || '?' }) : (v.mode || '?')],
      [L_('altitude'), typeof v.altRelM === 'number' ? t('details.altitudeValue', { m: v.altRelM.toFixed(0) }) : undefined],
      [L_('heading'), fixed(v.headingDeg, 0, '°')], [L_('speed'), fixed(v.speedMps, 1, ' m/s')],
      [L_('battery'), fixed(v.batteryPercent, 0, ' %')], [L_('position'), `${fixed(v.latDeg, 5, '')}, ${fixed(v.lonDeg, 5, '')}`],
    ])];
    nodes.push(kv(aircraftRows(v.id)));
    if (v.surface) nodes.push(...robotNodes(v.id, d.units, kv));
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
      nodes.push(kv([[L_('mission'), t('details.missionValue', { id: mission.mission_id, state: term(mission.state) })],
        [L_('progress'), t('details.progressValue', { done: mission.items_done || 0, total })]]), bar);
    } else {
      nodes.push(kv([[L_('mission'), L_('none')]]));
    }
    el.replaceChildren(...nodes);
  } else if (selection.type === 'track') {
    const tr = d.tracks.find(x => x.track_id === selection.id);
    if (!tr) return;
    el.replaceChildren(kv([[L_('track'), tr.track_id], [L_('class'), term(tr.target_class)], [L_('state'), term(tr.state)],
      [L_('confidence'), fixed(100 * tr.confidence, 0, ' %')], [L_('sightings'), String((tr.sighting_ids || []).length)],
      [L_('ellipse'), tr.ellipse95 ? t('details.ellipseValue', { a: tr.ellipse95.semi_major_m.toFixed(1), b: tr.ellipse95.semi_minor_m.toFixed(1) }) : undefined],
      [L_('incident'), tr.incident_id]]));
  } else if (selection.type === 'unit') {
    const u = d.units.find(x => x.unit_id === selection.id);
    if (!u) return;
    el.replaceChildren(kv([[L_('officer'), u.callsign || u.unit_id], [L_('type'), term(u.unit_type)], [L_('status'), term(u.status)],
      [L_('assignment'), u.assignment_id || L_('none')], ...unitRouteRows(u.unit_id),
      [L_('lastReport'), u.last_report ? time(u.last_report) : undefined]]));
  } else if (selection.type === 'incident') {
    const i = d.incidents.find(x => x.incident_id === selection.id);
    if (!i) return;
    el.replaceChildren(kv([[L_('incident'), i.incident_id], [L_('externalId'), i.external_id], [L_('priority'), term(i.priority)],
      [L_('state'), term(i.state)], [L_('subject'), i.subject_description], [L_('search'), i.search ? term(i.search.state) : L_('none')],
      [L_('foundSoFar'), i.search ? t('details.foundValue', { p: (100 * i.search.cumulative_probability_of_success).toFixed(0) }) : undefined],
      ...routeRows(i.incident_id, d.units), ...responseRows(i.incident_id)]));
  }
}
