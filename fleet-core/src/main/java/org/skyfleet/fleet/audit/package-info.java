/**
 * The journal of who did what to which vehicle and with what result. Each entry carries the hash of
 * the one before, so a changed or removed entry is found by verifying the chain.
 */
package org.skyfleet.fleet.audit;
