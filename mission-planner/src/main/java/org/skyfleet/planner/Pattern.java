package org.skyfleet.planner;

/** The kinds of plan the planner makes. */
public enum Pattern {
  /** Lawnmower coverage of an area with holes, split among vehicles if asked. */
  COVERAGE,
  /** IAMSAR expanding square around the datum. */
  EXPANDING_SQUARE,
  /** IAMSAR sector search (VS) around the datum. */
  SECTOR,
  /** IAMSAR parallel track: sweeps along the long side of the area's bounding rectangle. */
  PARALLEL_TRACK,
  /** IAMSAR creeping line: sweeps along the short side, advancing along the long side. */
  CREEPING_LINE,
  /** Laps through checkpoints (drones) or along a corridor network (ground robots). */
  PATROL,
  /** Fly to the datum, orbit it, return. */
  POINT_INSPECTION
}
