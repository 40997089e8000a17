/**
 * Video kept as evidence: the record of each MP4 segment recorded from an incident's drones (where, when, its
 * SHA-256 and the audit entry that journaled it), and the store port those records are kept behind.
 */
package org.skyfleet.fleet.evidence;
