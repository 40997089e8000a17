/**
 * One node at a time leads the records (incidents, sightings and tracks, assignments) over the shared
 * store, elected with a lease in JetStream key-value; every other node forwards the record services' calls
 * to it, so each aggregate has a single writer and every node answers alike.
 */
package org.skyfleet.cluster.records;
