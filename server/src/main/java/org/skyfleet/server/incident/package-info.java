/** IncidentService, the call-taking webhook and the incident timeline as the API shows it. */
package org.skyfleet.server.incident;
