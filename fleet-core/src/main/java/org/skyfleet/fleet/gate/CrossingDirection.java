package org.skyfleet.fleet.gate;

/** Which way a gate's outline was crossed. */
public enum CrossingDirection {
    /** From outside the gate's outline to inside it. */
    IN,
    /** From inside to outside. */
    OUT
}
