/**
 * Ground dispatch: officers on foot, patrol cars and boats report where they are; a confirmed track
 * sends the available unit with the shortest estimated time of arrival, and the next one if the first
 * does not acknowledge in time.
 */
package org.skyfleet.fleet.dispatch;
