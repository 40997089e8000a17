package org.skyfleet.app.house;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the production jar is made of: app's main classes and those of the SkyFleet modules it depends on at
 * run time (the shade plugin packs exactly these). No benchmark, trial or test double may be among them.
 */
class ProductionClasspathTest {
    /** Names that belong to benchmarks and to test doubles, never to a running node. */
    private static final Pattern NOT_FOR_PRODUCTION = Pattern.compile(
            "org/skyfleet/bench/.*|.*(Bench|Trial|Scripted|Fake|Stub|ManualClock|InMemoryMissionTransfer"
                    + "|InMemoryLinkOwnership|InMemorySharedLeases)[^/]*\\.class");

    @Test
    void theProductionClassesHoldNoBenchmarkAndNoTestDouble() {
        List<Path> mainOutputs = skyfleetMainOutputs();
        assertThat(mainOutputs).as("app's own classes and its SkyFleet dependencies are on the class path")
                .anySatisfy(p -> assertThat(p.toString()).contains("app"))
                .anySatisfy(p -> assertThat(p.toString()).contains("fleet-core"));
        List<String> offenders = new ArrayList<>();
        for (Path output : mainOutputs) {
            for (String entry : classEntries(output)) {
                // generated gRPC client stubs are the API's own, not test stubs
                if (!entry.startsWith("org/skyfleet/proto/") && NOT_FOR_PRODUCTION.matcher(entry).matches()) {
                    offenders.add(moduleOf(output) + "!" + entry);
                }
            }
        }
        assertThat(offenders).as("benchmarks and test doubles in the production classes").isEmpty();
    }

    @Test
    void theDetectorCatchesWhatItLooksFor() {
        assertThat(NOT_FOR_PRODUCTION.matcher("org/skyfleet/bench/TelemetryBench.class").matches()).isTrue();
        assertThat(NOT_FOR_PRODUCTION.matcher("org/skyfleet/fleet/command/ScriptedVehicleCommands.class").matches()).isTrue();
        assertThat(NOT_FOR_PRODUCTION.matcher("org/skyfleet/fleet/testing/ManualClock.class").matches()).isTrue();
        assertThat(NOT_FOR_PRODUCTION.matcher("org/skyfleet/fleet/store/InMemoryStore.class").matches()).isFalse();
        assertThat(NOT_FOR_PRODUCTION.matcher("org/skyfleet/app/SkyfleetServer.class").matches()).isFalse();
    }

    /** Main (not test) outputs of SkyFleet modules on this test's class path: reactor directories or installed jars. */
    private static List<Path> skyfleetMainOutputs() {
        List<Path> outputs = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            String s = p.toString().replace('\\', '/');
            boolean reactorMain = s.endsWith("/target/classes");
            boolean installedMain = s.contains("/org/skyfleet/") && s.endsWith(".jar") && !s.endsWith("-tests.jar");
            if ((reactorMain || installedMain) && Files.exists(p)) {
                outputs.add(p);
            }
        }
        return outputs;
    }

    private static String moduleOf(Path output) {
        return Files.isDirectory(output) ? output.getParent().getParent().getFileName().toString() : output.getFileName().toString();
    }

    private static List<String> classEntries(Path output) {
        try {
            if (Files.isDirectory(output)) {
                try (Stream<Path> files = Files.walk(output)) {
                    return files.filter(f -> f.toString().endsWith(".class"))
                            .map(f -> output.relativize(f).toString().replace('\\', '/')).toList();
                }
            }
            try (JarFile jar = new JarFile(output.toFile())) {
                return Collections.list(jar.entries()).stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
