/**
 * Automation that acts like a crew member: it plans and launches searches for missing-person calls,
 * sends the nearest officer to a confirmed track, keeps a drone over the subject until the officer
 * arrives, and writes everything on the incident's timeline and in the audit journal.
 *
 * <p>The decision rules the search benchmark must share with the live automation are small public classes
 * here, so the benchmark calls them instead of copying them: {@link org.skyfleet.server.automation.SearchSampling}
 * (when a drone counts as searching), {@link org.skyfleet.server.automation.SearchEffort} (what a flight
 * teaches the map), {@link org.skyfleet.server.automation.SearchSegmentation} (the segments handed out),
 * {@link org.skyfleet.server.automation.SearchProfile#candidate} (how a sortie is sized) and
 * {@link org.skyfleet.server.automation.ConfirmedTrackRules} (when a track sets off a response).
 */
package org.skyfleet.server.automation;
