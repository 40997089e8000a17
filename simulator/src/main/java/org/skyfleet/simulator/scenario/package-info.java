/**
 * Scenario files: the area, home, vehicles with their batteries and sensors, the people to find, the
 * wind, the link and GPS faults, the seed, duration and time scale of a simulated run, read from JSON.
 */
package org.skyfleet.simulator.scenario;
