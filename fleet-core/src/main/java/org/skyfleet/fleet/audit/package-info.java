/**
 * The journal of who did what to which vehicle and with what result. Each entry carries the hash of
 * the one before, so a changed or removed entry is found by verifying the chain. The
 * {@link org.skyfleet.fleet.audit.AuditStore} port holds the chain (with an in-memory implementation here);
 * the journal depends on the port, never on the store package that gathers the ports.
 */
package org.skyfleet.fleet.audit;
