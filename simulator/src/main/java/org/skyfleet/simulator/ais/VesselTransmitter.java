package org.skyfleet.simulator.ais;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The boats' transponders as a shore receiver forwards them: every {@code reportIntervalS} of simulated time
 * each transmitting boat's position report (type 1), and its static and voyage data (type 5) on its first report
 * and every 6 minutes, as AIVDM lines in one UDP datagram per step. Called on the simulation thread.
 */
public final class VesselTransmitter implements AutoCloseable {
    static final double STATIC_INTERVAL_S = 360;

    private final List<FishingBoat> boats;
    private final InetSocketAddress receiver;
    private final double reportIntervalS;
    private final DatagramSocket socket;
    private final Map<Long, Double> nextReportS = new HashMap<>();
    private final Map<Long, Double> nextStaticS = new HashMap<>();
    private int sequenceId;
    private long sentences;

    public VesselTransmitter(List<FishingBoat> boats, InetSocketAddress receiver, double reportIntervalS) {
        this.boats = List.copyOf(boats);
        this.receiver = receiver;
        this.reportIntervalS = reportIntervalS;
        try {
            this.socket = new DatagramSocket();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends what is due at simulated time {@code tS}. */
    public void step(double tS) {
        List<String> lines = new ArrayList<>();
        for (FishingBoat b : boats) {
            if (!b.transmitsAt(tS) || tS < nextReportS.getOrDefault(b.mmsi(), 0.0)) {
                continue;
            }
            nextReportS.put(b.mmsi(), tS + reportIntervalS);
            if (tS >= nextStaticS.getOrDefault(b.mmsi(), 0.0)) {
                nextStaticS.put(b.mmsi(), tS + STATIC_INTERVAL_S);
                lines.addAll(AisSentenceEncoder.staticAndVoyage(b.mmsi(), 0, b.callSign(), b.name(), 30, "SHENJIAMEN",
                        sequenceId++ % 10));
            }
            FishingBoat.Fix f = b.at(tS);
            lines.add(AisSentenceEncoder.positionReport(b.mmsi(), f.navStatus(), f.latDeg(), f.lonDeg(), f.speedMps(), f.courseDeg(),
                    (int) Math.round(f.courseDeg()) % 360, (int) (tS % 60)));
        }
        if (lines.isEmpty()) {
            return;
        }
        byte[] b = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            socket.send(new DatagramPacket(b, b.length, receiver));
            sentences += lines.size();
        } catch (IOException e) {
            // a receiver that is down loses the reports, as over the air
        }
    }

    public long sentencesSent() {
        return sentences;
    }

    @Override
    public void close() {
        socket.close();
    }
}
