package org.skyfleet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code skyfleet demo} requires tokens, so its links require signing: its simulated fleet must still come up,
 * every vehicle connected with a position (the demo gives each one a key, to the server and the simulator).
 */
class DemoCommandTest {

    @Test
    void theDemoFleetSignsAndEveryVehicleIsConnected() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int code;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            code = new CommandLine(new DemoCommand()).execute("--grpc-port", "0", "--mavlink-host", "127.0.0.1",
                    "--mavlink-port", "0", "--http-port", "0", "--drones", "3", "--robots", "1", "--duration-s", "8");
        } finally {
            System.setOut(stdout);
        }
        String printed = out.toString(StandardCharsets.UTF_8);

        assertThat(code).as(printed).isZero();
        assertThat(printed).contains("sign their MAVLink links");
        assertThat(printed.lines().filter(l -> l.startsWith("mav-")).toList()).as(printed).hasSize(4)
                .allSatisfy(l -> assertThat(l).contains("CONNECTED").doesNotContain("no position yet")
                        .containsPattern(" 29\\.8[0-9]+,121\\.5[0-9]+ ")); // Dongbu Xincheng, Ningbo, by default
    }
}
