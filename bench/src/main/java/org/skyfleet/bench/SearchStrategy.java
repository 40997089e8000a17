package org.skyfleet.bench;

/** How the benchmark's drones are sent. */
public enum SearchStrategy {
    /** (A) SkyFleet: segments of the probability map allocated by POA per second, re-allocated on return. */
    PROBABILITY("A probability allocation"),
    /** (B) Baseline: one lawnmower over the whole p95 circle, shared among the drones. */
    LAWNMOWER("B lawnmower p95 circle");

    final String label;

    SearchStrategy(String label) {
        this.label = label;
    }
}
