/**
 * How many vehicles one simulator process drives at 10 Hz telemetry on this machine while keeping its
 * schedule: run with {@code skyfleet sim --bench} or {@link org.skyfleet.simulator.bench.CapacityBench#main}.
 */
package org.skyfleet.simulator.bench;
