package org.skyfleet.planner.coverage;

/**
 * An order in which to fly cells and the option (entry corner) each is flown with.
 *
 * @param order cell indices in flying order
 * @param options {@link Cell} option per position of {@code order}
 */
public record CellTour(int[] order, int[] options) {}
