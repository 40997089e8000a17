/**
 * AIS ingest: NMEA 0183 {@code !AIVDM}/{@code !AIVDO} sentences (IEC 61162-1) carrying ITU-R M.1371 messages,
 * read from UDP datagrams or a TCP feed of a receiver or aggregator. The pipeline is sentence (checksum,
 * fields, fill bits) -> fragments reassembled -> six-bit payload -> message types 1, 2, 3, 5, 18, 19 and 24.
 * A bad sentence is counted and dropped; nothing a sender writes can stop the ingest.
 */
package org.skyfleet.telemetry.ais;
