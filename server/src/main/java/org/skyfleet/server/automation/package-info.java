/**
 * Automation that acts like a crew member: it plans and launches searches for missing-person calls,
 * sends the nearest officer to a confirmed track, keeps a drone over the subject until the officer
 * arrives, and writes everything on the incident's timeline and in the audit journal.
 */
package org.skyfleet.server.automation;
