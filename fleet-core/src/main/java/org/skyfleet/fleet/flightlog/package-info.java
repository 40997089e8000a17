/**
 * Flight logs: every flight from takeoff to landing, recorded from what the vehicle reports (who flew it, for
 * which mission or incident, how long, how far, how high, the battery it took, what happened on the way, and
 * its track); listed, totalled per airframe and pilot, exported as CSV and GeoJSON; and the maintenance that
 * falls due after a number of flight hours or flights.
 */
package org.skyfleet.fleet.flightlog;
