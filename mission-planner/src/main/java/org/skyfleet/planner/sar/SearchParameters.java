package org.skyfleet.planner.sar;

/**
 * Parameters of a datum-based search.
 *
 * @param radiusM expanding square: half the side of the square to search; sector: the leg length, metres
 * @param courseDeg course of the first leg, degrees clockwise from north
 * @param secondPass sector search only: fly the pattern a second time turned 30°
 */
public record SearchParameters(double radiusM, double courseDeg, boolean secondPass) {}
