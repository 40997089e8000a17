/**
 * What each aircraft is: airframe profiles (model, speeds, climb, rated endurance, wind limit, payload,
 * autopilot), the binding of a vehicle to its profile (by an operator, or from the autopilot's own
 * AUTOPILOT_VERSION), and the endurance a plan may count on, from the profile corrected by what the
 * vehicle reports and by the consumption learned over its recent flights.
 */
package org.skyfleet.fleet.airframe;
