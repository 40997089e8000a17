/**
 * Benchmarks run by {@code skyfleet bench}: a MAVLink load generator, gRPC subscribers that
 * measure end-to-end latency, and a bare UDP receiver as the baseline the ingest path is compared to;
 * and the search-effectiveness benchmark ({@link org.skyfleet.bench.SearchEffectivenessBench}), which
 * flies seeded missing-person cases with the real allocator, planner, tracker and dispatcher against a
 * lawnmower baseline.
 */
package org.skyfleet.bench;
