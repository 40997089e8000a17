/**
 * What must not be lost, on the durable JetStream log as well as in the store: a store decorator that
 * appends each committed incident, sighting, assignment and audit entry and waits for the log's acknowledgement.
 */
package org.skyfleet.cluster.log;
