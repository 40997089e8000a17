package org.skyfleet.telemetry.ais;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AIS through real sockets: UDP datagrams of several lines with junk among them, and a TCP feed that drops and comes back. */
class AisIngestOverWireTest {
    private static final String TYPE1 = "!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C";
    private static final String TYPE5_1 = "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C";
    private static final String TYPE5_2 = "!AIVDM,2,2,1,A,88888888880,2*25";

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final AisIngestMetrics metrics = new AisIngestMetrics(new SimpleMeterRegistry());
    private final BlockingQueue<AisMessage> received = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void udpDatagramsOfSeveralLinesWithJunk() throws Exception {
        try (AisUdpListener listener = AisUdpListener.bind("127.0.0.1", 0, group, metrics, Clock.systemUTC(), received::add);
             DatagramSocket sender = new DatagramSocket()) {
            send(sender, listener.localAddress(), TYPE1 + "\r\n" + "!AIVDM,1,1,,B,broken*00\r\n" + TYPE5_1 + "\r\n");
            send(sender, listener.localAddress(), TYPE5_2 + "\n");
            AisMessage first = received.poll(10, TimeUnit.SECONDS);
            AisMessage second = received.poll(10, TimeUnit.SECONDS);
            assertThat(first).isInstanceOf(AisPositionReport.class);
            assertThat(second).isInstanceOfSatisfying(AisStaticReport.class, s -> assertThat(s.name()).isEqualTo("EVER DIADEM"));
            assertThat(metrics.droppedCount(AisFormatException.Reason.BAD_CHECKSUM)).isEqualTo(1);
            assertThat(metrics.sentenceCount()).isEqualTo(4);
        }
    }

    @Test
    void tcpFeedReconnectsAfterTheServerDrops() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             AisTcpFeed feed = AisTcpFeed.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()),
                     group, Duration.ofMillis(50), Duration.ofMillis(400), metrics, Clock.systemUTC(), received::add)) {
            try (Socket first = server.accept(); OutputStream out = first.getOutputStream()) {
                out.write((TYPE1 + "\r\n" + "x".repeat(3000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(received.poll(10, TimeUnit.SECONDS)).isInstanceOf(AisPositionReport.class);
            } // the receiver goes away
            server.setSoTimeout(20_000);
            try (Socket second = server.accept(); OutputStream out = second.getOutputStream()) {
                out.write((TYPE5_1 + "\r\n" + TYPE5_2 + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(received.poll(10, TimeUnit.SECONDS)).isInstanceOf(AisStaticReport.class);
            }
            assertThat(feed.connections()).isGreaterThanOrEqualTo(2);
            assertThat(metrics.droppedCount(AisFormatException.Reason.MALFORMED)).isEqualTo(1); // the overlong line
        }
    }

    private static void send(DatagramSocket socket, InetSocketAddress to, String text) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(b, b.length, to));
    }
}
