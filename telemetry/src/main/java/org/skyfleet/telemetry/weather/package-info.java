/**
 * Weather from the vehicles' own telemetry: the wind their estimators (or docks) report over MAVLink.
 */
package org.skyfleet.telemetry.weather;
