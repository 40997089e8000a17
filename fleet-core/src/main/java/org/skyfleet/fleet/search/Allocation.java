package org.skyfleet.fleet.search;

import java.util.List;

/**
 * The result of {@link SearchAllocator#allocate}.
 *
 * @param assignments one per drone used, in the order drones were considered (closest first)
 * @param unused drones left out, with the reason
 * @param expectedPos Σ over assigned segments of P(segment) · POD(segment): the probability the allocation
 *     finds the subject
 */
public record Allocation(List<DroneAssignment> assignments, List<UnusedDrone> unused, double expectedPos) {

    public Allocation {
        assignments = List.copyOf(assignments);
        unused = List.copyOf(unused);
    }
}
