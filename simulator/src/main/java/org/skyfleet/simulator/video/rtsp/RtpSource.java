package org.skyfleet.simulator.video.rtsp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One camera's RTP as its encoder sends it, on a loopback UDP port, handed to every playing viewer; and
 * its session description as the encoder wrote it.
 */
public final class RtpSource implements AutoCloseable {
    private static final int MAX_PACKET = 1500;

    private final DatagramSocket socket;
    private final Path sdpFile;
    private final List<Consumer<byte[]>> viewers = new CopyOnWriteArrayList<>();
    private final Thread reader;

    RtpSource(String name) throws IOException {
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.sdpFile = Files.createTempFile("skyfleet-camera-" + name.replaceAll("[^A-Za-z0-9-]", "_") + "-", ".sdp");
        Files.delete(sdpFile); // the encoder writes it once its stream has started: absent until then
        this.reader = new Thread(this::read, "skyfleet-sim-rtp-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        byte[] buf = new byte[MAX_PACKET];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (!socket.isClosed()) {
            try {
                socket.receive(packet);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                continue;
            }
            byte[] rtp = Arrays.copyOf(buf, packet.getLength());
            viewers.forEach(v -> v.accept(rtp));
        }
    }

    /** The UDP port the encoder sends RTP to. */
    public int port() {
        return socket.getLocalPort();
    }

    /** Where the encoder writes the session description. */
    public Path sdpFile() {
        return sdpFile;
    }

    /** The session description, once the encoder has written it. */
    Optional<String> sdp() {
        try {
            return Files.exists(sdpFile) ? Optional.of(Files.readString(sdpFile, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    AutoCloseable add(Consumer<byte[]> viewer) {
        viewers.add(viewer);
        return () -> viewers.remove(viewer);
    }

    @Override
    public void close() {
        socket.close();
        try {
            Files.deleteIfExists(sdpFile);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
