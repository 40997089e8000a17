package org.skyfleet.fleet.fusion;

/** Who reported a sighting; decides how much a sighting counts towards confirming a track. */
public enum SourceKind {
    /** A drone's edge computer (thermal or visual detector). */
    DRONE,
    /** A ground robot's detector. */
    ROBOT,
    /** A police officer's phone. */
    OFFICER,
    /** A member of the public. */
    CITIZEN
}
