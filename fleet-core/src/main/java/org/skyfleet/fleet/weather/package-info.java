/**
 * The weather as the vehicles measure it: the wind each drone's autopilot (or its dock) reports in its telemetry.
 */
package org.skyfleet.fleet.weather;
