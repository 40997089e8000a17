package org.skyfleet.telemetry.link;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.event.VehicleHealthRules;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.telemetry.bus.InProcessFleetBus;
import org.skyfleet.telemetry.mavlink.FrameListener;
import org.skyfleet.telemetry.mavlink.MavlinkEncoder;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;
import org.skyfleet.telemetry.mavlink.MavlinkFrameSplitter;
import org.skyfleet.telemetry.mavlink.MavlinkMessageCatalog;

/**
 * A link's real pipeline (decoder and ingest handler) on an EmbeddedChannel, with one manual clock
 * driving both the handler's instants and the channel's scheduled ticks.
 */
final class LinkHarness {
    static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 14_550);

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final IngestMetrics metrics = new IngestMetrics(meters);
    final InProcessFleetBus bus = new InProcessFleetBus();
    final VehicleRegistry registry = new VehicleRegistry(bus, VehicleHealthRules.defaults());
    final List<VehicleEvent> events = new ArrayList<>();
    final EmbeddedChannel channel;
    private Instant now = Instant.parse("2026-11-23T20:00:00Z");
    private long nanos = 1_000_000_000L;

    final MavlinkIngestHandler handler;

    LinkHarness() {
        this(SigningKeys.none());
    }

    /** A link that requires signing from, and signs for, the system ids with a key. */
    LinkHarness(SigningKeys keys) {
        this(keys, SystemAdmission.ANY);
    }

    /** A link that takes on only the system ids {@code admission} admits. */
    LinkHarness(SigningKeys keys, SystemAdmission admission) {
        this(keys, admission, UnsignedLinks.FIRST_ADDRESS_TRUSTED);
    }

    /** A link that takes vehicles without a key on as {@code unsigned} says. */
    LinkHarness(SigningKeys keys, SystemAdmission admission, UnsignedLinks unsigned) {
        bus.subscribeEvents(events::add);
        LinkConfig config = LinkConfig.defaults("127.0.0.1", 14_550).withLinkName("test").withSigning(keys, 0)
                .withAdmission(admission).withUnsigned(unsigned);
        InstantSource clock = () -> now;
        MavlinkMessageCatalog catalog = MavlinkMessageCatalog.standard();
        MavlinkDatagramDecoder decoder = new MavlinkDatagramDecoder(new MavlinkFrameSplitter(catalog), metrics, config,
                () -> nanos);
        handler = new MavlinkIngestHandler(config, registry, clock, metrics, new MavlinkEncoder(catalog, 255, 190));
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(decoder);
        if (!keys.isEmpty()) {
            channel.pipeline().addLast(new SignatureCheck(keys, metrics, clock));
        }
        channel.pipeline().addLast(handler);
        channel.pipeline().fireChannelActive();
    }

    void feed(InetSocketAddress from, byte[] datagram) {
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(datagram), SERVER, from));
    }

    void advance(Duration d) {
        now = now.plus(d);
        nanos += d.toNanos();
        channel.advanceTimeBy(d.toNanos(), TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
    }

    Instant now() {
        return now;
    }

    /** Every payload the ground station sent since the last call, in order. */
    List<Sent> drainSent() {
        List<Sent> out = new ArrayList<>();
        MavlinkFrameSplitter splitter = new MavlinkFrameSplitter(MavlinkMessageCatalog.standard());
        DatagramPacket p;
        while ((p = channel.readOutbound()) != null) {
            List<MavlinkFrame> frames = new ArrayList<>();
            splitter.split(p.content(), SERVER, frames, FrameListener.NONE);
            for (MavlinkFrame f : frames) {
                out.add(new Sent(p.recipient(), f.systemId(), f.payload(), f.rawFrame()));
            }
            p.release();
        }
        return out;
    }

    record Sent(InetSocketAddress to, int fromSystemId, Object payload, byte[] rawFrame) {
    }
}
