// The drone response's clock on an incident: seconds from the call to each stage (launch commanded, airborne,
// on scene, first video) and the drone over it, read from ResponseService/GetTimeToScene. Details redraw once a
// second; each redraw shows the last answer and asks again, so the panel never waits on the server.
import { t } from './i18n.js';
import { rpc } from './api.js';

const clocks = new Map();
const STAGES = [['launch_commanded_s', 'response.launch'], ['airborne_s', 'response.airborne'],
  ['on_scene_s', 'response.onScene'], ['first_video_s', 'response.video']];

/** Rows [label, value] for the incident's details; none when it has no drone response. */
export function responseRows(incidentId) {
  rpc('ResponseService/GetTimeToScene', { incident_id: incidentId })
    .then(r => clocks.set(incidentId, r.time_to_scene), e => { if (e.status === 404) clocks.delete(incidentId); });
  const c = clocks.get(incidentId);
  if (!c) return [];
  const rows = [[t('response.drone'), c.vehicle_id || t('response.noDrone')], [t('response.state'), t('response.state.' + c.state)]];
  for (const [field, key] of STAGES) {
    const s = c[field];
    rows.push([t(key), typeof s === 'number' && s >= 0 ? t('response.seconds', { s: s.toFixed(s < 10 ? 1 : 0) }) : t('response.notYet')]);
  }
  return rows;
}
