/**
 * People to be found and how they move: a person with dementia who wanders and stops, someone walking
 * a path, a subject who stays put.
 */
package org.skyfleet.simulator.world.people;
