/**
 * Incidents: what the command centre works on (a missing person, a suspect, a crash...), each with the
 * timeline of everything that happened to it, the search flown for it and the units sent to it. The
 * {@link org.skyfleet.fleet.incident.IncidentStore} port is theirs, so incidents never depend on the store package.
 */
package org.skyfleet.fleet.incident;
