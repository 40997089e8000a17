/**
 * Drone as first responder on the server: every call that is not a missing person (those are the search
 * automation's) is answered by the policy, the nearest suitable drone is flown to the scene round the zones and
 * orbits it, relieved before its reserve and released by the commander; the time from the call to each stage
 * is on the timeline, in Prometheus and behind {@code ResponseService}.
 */
package org.skyfleet.server.response;
