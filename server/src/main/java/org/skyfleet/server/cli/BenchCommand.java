package org.skyfleet.server.cli;

import picocli.CommandLine.Command;

/** {@code skyfleet bench}: load benchmarks that print figures and append them to a results file. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark.",
        subcommands = {org.skyfleet.server.bench.TelemetryBenchCommand.class,
                org.skyfleet.server.bench.SearchEffectivenessBench.class, org.skyfleet.server.bench.RestartBench.class,
                org.skyfleet.server.bench.BusBench.class, org.skyfleet.server.bench.RecordsBench.class})
final class BenchCommand {
}
