package org.skyfleet.fleet.fusion;

/** What was seen. Decides the motion model of a track and which sightings may join it. */
public enum TargetClass {
    PERSON,
    VEHICLE,
    BOAT,
    ANIMAL,
    /** Unknown: may join a track of any class, and a track of this class accepts any sighting. */
    OTHER;

    /** Whether a sighting of class {@code other} may be associated with a track of this class. */
    public boolean compatibleWith(TargetClass other) {
        return this == other || this == OTHER || other == OTHER;
    }
}
