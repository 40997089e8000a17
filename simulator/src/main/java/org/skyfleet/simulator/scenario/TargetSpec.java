package org.skyfleet.simulator.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A person in the scenario.
 *
 * @param id        name in the detection log's ground truth
 * @param movement  WANDERER (dementia: wanders and stops), PATH (walks {@code path}), STATIONARY
 * @param start     where they are at the start
 * @param path      points walked by a PATH target
 * @param speedMps  walking speed (default 0.5 for a wanderer, 1.3 on a path)
 * @param rangeM    how far a wanderer strays from the start before turning back (default 1500)
 */
public record TargetSpec(String id, Movement movement, GeoPoint start, List<GeoPoint> path, Double speedMps, Double rangeM) {

    /** How a target moves. */
    public enum Movement { WANDERER, PATH, STATIONARY }

    public TargetSpec {
        Objects.requireNonNull(id, "target id");
        Objects.requireNonNull(start, "start of target " + id);
        movement = movement == null ? Movement.STATIONARY : movement;
        path = path == null ? List.of() : List.copyOf(path);
        if (movement == Movement.PATH && path.isEmpty()) {
            throw new IllegalArgumentException("target " + id + " walks a path but has none");
        }
    }
}
