/**
 * Live airspace enforcement: every vehicle's position checked against the active zones off the ingest
 * thread, breaches predicted and reported as events, and each zone's breach policy applied through
 * the command path by the automation, journaled.
 */
package org.skyfleet.server.enforcement;
