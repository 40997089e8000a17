// Aircraft records in a vehicle's details: the airframe profile it flies as, the flight time a plan may
// count on, its battery pack, why it is grounded, and its maintenance. Its strings are in the console's
// catalogue (aircraft.*); refreshed every 10 s while the console is open.
import { rpc } from './api.js';
import { t } from './i18n.js';


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
    const rows = [[t('aircraft.airframe'), t('aircraft.unbound')]];
    if (v.grounded_reason) rows.push([t('aircraft.grounded'), v.grounded_reason]);
    return rows;
  }
  const how = v.source === 'AIRFRAME_BINDING_SOURCE_AUTOPILOT_VERSION' ? t('aircraft.byAutopilot') : t('aircraft.byOperator', { who: v.bound_by });
  const rows = [[t('aircraft.airframe'), `${v.model} (${v.profile_id}) · ${how}`]];
  if (v.full_endurance_s > 0) {
    rows.push([t('aircraft.endurance'), t('aircraft.enduranceValue', { available: (v.available_s / 60).toFixed(1),
      full: (v.full_endurance_s / 60).toFixed(1), basis: v.endurance_basis })]);
  }
  if (v.battery_pack_id) rows.push([t('aircraft.pack'), v.battery_pack_id]);
  if (v.grounded_reason) rows.push([t('aircraft.grounded'), v.grounded_reason]);
  rows.push([t('aircraft.maintenance'), v.maintenance_due || t('aircraft.sinceMaintenance', {
    hours: (v.hours_since_maintenance || 0).toFixed(1), flights: v.flights_since_maintenance || 0 })]);
  return rows;
}
