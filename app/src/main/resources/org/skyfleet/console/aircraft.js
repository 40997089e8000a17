// Aircraft records in a vehicle's details: the airframe profile it flies as, and the flight time a plan
// may count on. Its own strings, keyed, in en and zh-CN; refreshed every 10 s while the console is open.
import { rpc } from './api.js';

const TEXT = {
  airframe: { en: 'airframe', 'zh-CN': '机型' },
  unbound: { en: 'no profile bound: plans use the defaults', 'zh-CN': '未绑定机型档案：按默认参数规划' },
  byAutopilot: { en: 'identified by its autopilot', 'zh-CN': '由飞控自动识别' },
  byOperator: { en: 'bound by {who}', 'zh-CN': '由 {who} 绑定' },
  endurance: { en: 'flight time', 'zh-CN': '可用航时' },
  enduranceValue: { en: '{available} min now of {full} min full ({basis})', 'zh-CN': '当前 {available} 分钟，满电 {full} 分钟（{basis}）' },
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
  if (!v.profile_id) return [[say('airframe'), say('unbound')]];
  const how = v.source === 'AIRFRAME_BINDING_SOURCE_AUTOPILOT_VERSION' ? say('byAutopilot') : say('byOperator', { who: v.bound_by });
  const rows = [[say('airframe'), `${v.model} (${v.profile_id}) · ${how}`]];
  if (v.full_endurance_s > 0) {
    rows.push([say('endurance'), say('enduranceValue', { available: (v.available_s / 60).toFixed(1),
      full: (v.full_endurance_s / 60).toFixed(1), basis: v.endurance_basis })]);
  }
  return rows;
}
