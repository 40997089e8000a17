/**
 * Vehicles as the control plane knows them: identity, the last reported state of each part
 * (position, attitude, battery, GPS, motion) with the time it was received, and the registry that
 * holds the newest state of every vehicle. Units are degrees, metres, metres per second, percent.
 */
package org.skyfleet.fleet.vehicle;
