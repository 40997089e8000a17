package org.skyfleet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.skyfleet.bench.simulator.CapacityBench;
import org.skyfleet.bench.store.AuditAppendBench;
import org.skyfleet.bench.store.StoreWriteBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skyfleet bench}: load benchmarks and trials that print figures and append them to a results
 * file under {@code bench/results}. Its own executable ({@code bench/target/skyfleet-bench.jar}), so no
 * benchmark ships in the production jar; the {@code skyfleet} script hands {@code bench ...} to it.
 */
@Command(name = "skyfleet bench", mixinStandardHelpOptions = true, description = "Run a benchmark.",
        subcommands = {TelemetryBenchCommand.class, SearchEffectivenessBench.class, RestartBench.class,
                BusBench.class, RecordsBench.class, HostileBench.class, VideoBench.class, AisBench.class, DfrBench.class, ReplayBench.class,
                BenchCommand.SimulatorCapacity.class,
                BenchCommand.StoreWrites.class, BenchCommand.AuditAppends.class, CommandLine.HelpCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "simulator", mixinStandardHelpOptions = true,
            description = "How many vehicles one simulator process drives at 10 Hz telemetry.")
    static final class SimulatorCapacity implements Callable<Integer> {
        @Option(names = "--vehicles", defaultValue = "100,250,500,1000,1500",
                description = "fleet sizes to measure (default: ${DEFAULT-VALUE})")
        String vehicles;

        @Option(names = "--seconds", defaultValue = "10", description = "seconds measured per size (default: ${DEFAULT-VALUE})")
        int seconds;

        @Option(names = "--results", defaultValue = "bench/results/simulator-capacity.txt",
                description = "where the table is appended (default: ${DEFAULT-VALUE})")
        java.nio.file.Path results;

        @Override
        public Integer call() {
            CapacityBench.run(CapacityBench.parseSizes(vehicles), seconds, results, System.out);
            return 0;
        }
    }

    @Command(name = "store", description = "Store writes/s and p99 on H2 or PostgreSQL: "
            + "--url URL | --data-dir DIR, [--schema NAME] [--seconds N] [--threads N] [--results FILE]")
    static final class StoreWrites implements Callable<Integer> {
        @CommandLine.Unmatched
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            StoreWriteBench.main(args.toArray(String[]::new));
            return 0;
        }
    }

    @Command(name = "audit", description = "Audit appends/s and p99, one node against several on one PostgreSQL: "
            + "[--url URL] [--seconds N] [--nodes N] [--threads N] [--results FILE]")
    static final class AuditAppends implements Callable<Integer> {
        @CommandLine.Unmatched
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            AuditAppendBench.main(args.toArray(String[]::new));
            return 0;
        }
    }
}
