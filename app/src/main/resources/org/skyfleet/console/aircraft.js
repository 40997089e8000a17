// Aircraft records in a vehicle's details: the airframe profile it flies as, the flight time a plan may
// count on, its battery pack, why it is grounded, and its maintenance. Its own strings, keyed, in en and
// zh-CN; refreshed every 10 s while the console is open.
import { rpc } from './api.js';

const TEXT = {
  airframe: { en: 'airframe', 'zh-CN': '机型' },
  unbound: { en: 'no profile bound: plans use the defaults', 'zh-CN': '未绑定机型档案：按默认参数规划' },
  byAutopilot: { en: 'identified by its autopilot', 'zh-CN': '由飞控自动识别' },
  byOperator: { en: 'bound by {who}', 'zh-CN': '由 {who} 绑定' },
  endurance: { en: 'flight time', 'zh-CN': '可用航时' },
  enduranceValue: { en: '{available} min now of {full} min full ({basis})', 'zh-CN': '当前 {available} 分钟，满电 {full} 分钟（{basis}）' },
  pack: { en: 'battery pack', 'zh-CN': '电池' },
  grounded: { en: 'grounded', 'zh-CN': '停飞' },
  maintenance: { en: 'maintenance', 'zh-CN': '维护' },
  sinceMaintenance: { en: '{hours} h, {flights} flights since the last', 'zh-CN': '距上次维护 {hours} 小时，{flights} 架次' },
};
const lang = () => ((document.documentElement.lang || navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
const say = (key, vars = {}) => TEXT[key][lang()].replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '');

const byVehicle = new Map();
let started = false;
async function refresh() {
  try {
    const r = await rpc('AircraftService/ListVehicleAirframes', {});
    byVehicle.clear();
    for (const v of r.vehicles || []) byVehicle.set(v.vehicle_id, v);
  } catch (e) {
    // a role that may not read aircraft records sees none; the rest of the details still show
  }
}

/** [label, value] rows for a vehicle's details. */
export function aircraftRows(vehicleId) {
  if (!started) { started = true; refresh(); setInterval(refresh, 10_000); }
  const v = byVehicle.get(vehicleId);
  if (!v) return [];
  if (!v.profile_id) {
    const rows = [[say('airframe'), say('unbound')]];
    if (v.grounded_reason) rows.push([say('grounded'), v.grounded_reason]);
    return rows;
  }
  const how = v.source === 'AIRFRAME_BINDING_SOURCE_AUTOPILOT_VERSION' ? say('byAutopilot') : say('byOperator', { who: v.bound_by });
  const rows = [[say('airframe'), `${v.model} (${v.profile_id}) · ${how}`]];
  if (v.full_endurance_s > 0) {
    rows.push([say('endurance'), say('enduranceValue', { available: (v.available_s / 60).toFixed(1),
      full: (v.full_endurance_s / 60).toFixed(1), basis: v.endurance_basis })]);
  }
  if (v.battery_pack_id) rows.push([say('pack'), v.battery_pack_id]);
  if (v.grounded_reason) rows.push([say('grounded'), v.grounded_reason]);
  rows.push([say('maintenance'), v.maintenance_due || say('sinceMaintenance', {
    hours: (v.hours_since_maintenance || 0).toFixed(1), flights: v.flights_since_maintenance || 0 })]);
  return rows;
}
