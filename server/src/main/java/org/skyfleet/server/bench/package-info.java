/**
 * Load benchmarks run by {@code skyfleet bench}: a MAVLink load generator, gRPC subscribers that
 * measure end-to-end latency, and a bare UDP receiver as the baseline the ingest path is compared to.
 */
package org.skyfleet.server.bench;
