package org.skyfleet.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.fleet.vessel.PortFleet;
import org.skyfleet.fleet.vessel.PortFleetCsv;
import org.skyfleet.server.vessel.SeaGateConfig;
import picocli.CommandLine.Option;

/** Where {@code serve} hears vessels (AIS) and whom it knows: the port's fleet register. */
final class SeaGateOptions {
    @Option(names = "--ais-host", defaultValue = "0.0.0.0", description = "AIS (NMEA AIVDM) UDP bind address (default: ${DEFAULT-VALUE})")
    String aisHost;

    @Option(names = "--ais-port", defaultValue = "10110", description = "AIS UDP port; -1 for none (default: ${DEFAULT-VALUE})")
    int aisPort;

    @Option(names = "--ais-tcp", paramLabel = "HOST:PORT", description = "an AIS receiver or aggregator serving NMEA lines over "
            + "TCP, read as a client and reconnected with backoff; repeatable")
    List<String> aisTcp = new ArrayList<>();

    @Option(names = "--port-fleet", paramLabel = "FILE", description = "the port's own fleet register, CSV with a header "
            + "mmsi,name,owner,home_port")
    Path portFleet;

    /** @throws IllegalArgumentException naming the bad option or every bad row of the register */
    SeaGateConfig toConfig() throws IOException {
        List<InetSocketAddress> feeds = new ArrayList<>();
        for (String f : aisTcp) {
            int colon = f.lastIndexOf(':');
            if (colon <= 0 || !f.substring(colon + 1).matches("\\d{1,5}")) {
                throw new IllegalArgumentException("--ais-tcp " + f + ": expected HOST:PORT");
            }
            feeds.add(InetSocketAddress.createUnresolved(f.substring(0, colon), Integer.parseInt(f.substring(colon + 1))));
        }
        PortFleet fleet = PortFleet.empty();
        if (portFleet != null) {
            try (Reader in = Files.newBufferedReader(portFleet, StandardCharsets.UTF_8)) {
                fleet = PortFleetCsv.read(in);
            }
        }
        return SeaGateConfig.defaults().withUdp(aisHost, aisPort).withTcpFeeds(feeds).withPortFleet(fleet);
    }
}
