/**
 * Sharing one area among several vehicles: shares sized so vehicles of different speeds finish
 * together (capped by what each battery can fly), and the cut of the area into strips of those shares.
 */
package org.skyfleet.planner.split;
