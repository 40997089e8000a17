/**
 * Geographic input and the local metric frame: WGS84 points and polygons, their validation, and the
 * projection into metres east/north around an origin where every other package does its geometry.
 */
package org.skyfleet.planner.geo;
