/**
 * What a drone's camera sees: sensor presets, the probability of detecting a person at a range, false
 * positives, and the sighting reports an edge computer sends, through a {@link
 * org.skyfleet.simulator.sensor.DetectionSink}.
 */
package org.skyfleet.simulator.sensor;
