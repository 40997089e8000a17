/**
 * Incidents: what the command centre works on (a missing person, a suspect, a crash...), each with the
 * timeline of everything that happened to it, the search flown for it and the units sent to it.
 */
package org.skyfleet.fleet.incident;
