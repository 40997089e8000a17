/**
 * Airspace constraints and flying around them: inclusion and exclusion zones with altitude bands,
 * their projection into the local frame, and the visibility-graph router that replaces a leg crossing
 * a no-fly zone by the shortest detour around it.
 */
package org.skyfleet.planner.airspace;
