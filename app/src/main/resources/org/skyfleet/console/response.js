// The drone response's clock on an incident: seconds from the call to each stage (launch commanded, airborne,
// on scene, first video) and the drone over it, read from ResponseService/GetTimeToScene. Details redraw once a
// second; each redraw shows the last answer and asks again, so the panel never waits on the server.
import { t } from './i18n.js';
import { rpc } from './api.js';

const clocks = new Map();
const STAGES = [['launch_commanded_s', 'response.launch'], ['airborne_s', 'response.airborne'],
  ['on_scene_s', 'response.onScene'], ['first_video_s', 'response.video']];

const asked = new Map(); // incident id -> when it was last asked (ms): the video panel asks every second for each call
const ASK_EVERY_MS = 1000;

function ask(incidentId) {
  const now = Date.now();
  if (now - (asked.get(incidentId) || 0) < ASK_EVERY_MS) return;
  asked.set(incidentId, now);
  rpc('ResponseService/GetTimeToScene', { incident_id: incidentId })
    .then(r => clocks.set(incidentId, r.time_to_scene), e => { if (e.status === 404) clocks.delete(incidentId); });
}

/** The drone over the incident's scene now (its feed opens on the incident by itself), or null. */
export function droneOnScene(incidentId) {
  ask(incidentId);
  const c = clocks.get(incidentId);
  return c && c.state === 'ON_SCENE' && c.vehicle_id ? c.vehicle_id : null;
}

/** Rows [label, value] for the incident's details; none when it has no drone response. */
export function responseRows(incidentId) {
  ask(incidentId);
  const c = clocks.get(incidentId);
  if (!c) return [];
  const rows = [[t('response.drone'), c.vehicle_id || t('response.noDrone')], [t('response.state'), t('response.state.' + c.state)]];
  for (const [field, key] of STAGES) {
    const s = c[field];
    rows.push([t(key), typeof s === 'number' && s >= 0 ? t('response.seconds', { s: s.toFixed(s < 10 ? 1 : 0) }) : t('response.notYet')]);
  }
  return rows;
}
