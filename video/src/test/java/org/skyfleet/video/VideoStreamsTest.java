package org.skyfleet.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.video.mp4.InitSegment;
import org.skyfleet.video.relay.ViewerSink;
import org.skyfleet.video.stream.StreamState;
import org.skyfleet.video.stream.StreamStatus;

/**
 * The ingest on the real wire: FFmpeg pushes RTMP as a DJI dock does, the server takes it in without
 * transcoding, and ffprobe finds H.264 at the pushed size in what a viewer received. Bad sources end with
 * a clear error on their own stream only.
 */
class VideoStreamsTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private VideoStreams streams;
    private Process pusher;
    private HttpServer page;

    @BeforeEach
    void start() {
        Ffmpeg.require();
        streams = new VideoStreams(VideoConfig.defaults().withStallTimeout(Duration.ofSeconds(2)), InstantSource.system(), meters);
    }

    @AfterEach
    void stop() {
        if (pusher != null) {
            pusher.destroyForcibly();
        }
        streams.close();
        if (page != null) {
            page.stop(0);
        }
    }

    @Test
    void anRtmpPushIsRelayedAsH264AtItsSizeAndABadSourceFailsAlone(@TempDir Path dir) throws Exception {
        String url = streams.acceptPush("dock-1").sourceUrl();
        // a URL that answers, but with a web page, not video
        page = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page.createContext("/", exchange -> {
            byte[] html = "<!doctype html><title>login</title><p>please sign in</p>".repeat(200).getBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        page.start();
        streams.register("bogus", "http://127.0.0.1:" + page.getAddress().getPort() + "/camera", "operator");
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        streams.stream("dock-1").orElseThrow().relay().add(new ViewerSink() {
            @Override
            public boolean writable() {
                return true;
            }

            @Override
            public void sendInit(InitSegment init) {
                received.writeBytes(init.bytes());
            }

            @Override
            public synchronized void sendFragment(byte[] bytes) {
                received.writeBytes(bytes);
            }

            @Override
            public void sendStatus(String state, String reason) {
            }
        });
        pusher = Ffmpeg.publishOnceListening("640x360", "libx264", url);
        Eventually.within(Duration.ofSeconds(20), "condition", () -> status("dock-1").state() == StreamState.LIVE
                && status("dock-1").framesPerS() > 10);
        StreamStatus live = status("dock-1");
        assertThat(live.codec()).startsWith("avc1.");
        assertThat(live.widthPx()).isEqualTo(640);
        assertThat(live.heightPx()).isEqualTo(360);
        assertThat(live.bitrateKbitS()).isPositive();
        Eventually.within(Duration.ofSeconds(10), "condition", () -> received.size() > 50_000);
        Path file = dir.resolve("relayed.mp4");
        synchronized (received) {
            Files.write(file, received.toByteArray());
        }
        assertThat(Ffmpeg.probe(file)).isEqualTo("h264,640,360");

        Eventually.within(Duration.ofSeconds(10), "condition", () -> status("bogus").state() == StreamState.FAILED);
        assertThat(status("bogus").error()).contains("Invalid data found");
        assertThat(status("dock-1").state()).isEqualTo(StreamState.LIVE);

        pusher.destroyForcibly().waitFor();
        Eventually.within(Duration.ofSeconds(10), "condition", () -> status("dock-1").state() == StreamState.STALLED);
        assertThat(status("dock-1").stalls()).isEqualTo(1);
        assertThat(meters.find("skyfleet.video.stalls").tag("vehicle", "dock-1").functionCounter().count()).isEqualTo(1);
        // the dock comes back: the endpoint listens again and the stream is live again by itself
        pusher = Ffmpeg.publishOnceListening("640x360", "libx264", url);
        Eventually.within(Duration.ofSeconds(20), "condition", () -> status("dock-1").state() == StreamState.LIVE);
    }

    @Test
    void aCodecThatIsNotH264OrH265IsRefusedWithTheReason() throws Exception {
        String url = streams.acceptPush("dock-2").sourceUrl();
        // the server cuts such a publisher off as soon as it reads the codec, so it is pushed again until refused
        Eventually.within(Duration.ofSeconds(30), "the flv1 push refused", () -> {
            if (pusher == null || !pusher.isAlive()) {
                try {
                    pusher = Ffmpeg.publish("320x240", "flv1", url);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return status("dock-2").state() == StreamState.FAILED;
        });
        assertThat(status("dock-2").error()).contains("not H.264 or H.265");
    }

    private StreamStatus status(String id) {
        return streams.stream(id).orElseThrow().status();
    }

    @Test
    void theFirstDeliveryIsWhenAViewerIsHandedAFrameNotWhenTheRelayHasOne() throws Exception {
        String url = streams.acceptPush("dock-2").sourceUrl();
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> first = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
        streams.onFirstDelivery("dock-2", java.time.Instant.now(), at -> {
            told.incrementAndGet();
            first.set(at);
        });
        pusher = Ffmpeg.publishOnceListening("320x240", "libx264", url);
        Eventually.within(Duration.ofSeconds(30), "the stream is live with frames in the relay", () -> streams.stream("dock-2")
                .map(s -> s.status().state() == StreamState.LIVE && s.status().lastFrameTime() != null).orElse(false));
        long framesBefore = streams.stream("dock-2").orElseThrow().status().lastFrameTime().toEpochMilli();
        assertThat(first.get()).as("frames in the relay, nobody watching: nothing delivered").isNull();

        java.time.Instant joined = java.time.Instant.now();
        java.util.concurrent.atomic.AtomicLong fragments = new java.util.concurrent.atomic.AtomicLong();
        streams.stream("dock-2").orElseThrow().relay().add(new ViewerSink() {
            @Override
            public boolean writable() {
                return true;
            }

            @Override
            public void sendInit(InitSegment init) {
            }

            @Override
            public void sendFragment(byte[] bytes) {
                fragments.incrementAndGet();
            }

            @Override
            public void sendStatus(String state, String reason) {
            }
        });
        Eventually.within(Duration.ofSeconds(15), "the viewer's first frame is noted", () -> first.get() != null);
        assertThat(first.get()).isAfterOrEqualTo(joined);
        assertThat(first.get().toEpochMilli()).isGreaterThanOrEqualTo(framesBefore);
        Eventually.within(Duration.ofSeconds(15), "more frames reach the viewer", () -> fragments.get() > 5);
        assertThat(told.get()).as("told once").isEqualTo(1);
    }
}
