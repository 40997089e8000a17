/**
 * What a drone's camera sees: sensor presets, the probability of detecting a person at a range, false
 * positives ({@link org.skyfleet.simulator.sensor.NadirDetector}, one look, shared with the search
 * benchmark), and the sighting reports an edge computer sends, through a {@link
 * org.skyfleet.simulator.sensor.DetectionSink}.
 */
package org.skyfleet.simulator.sensor;
