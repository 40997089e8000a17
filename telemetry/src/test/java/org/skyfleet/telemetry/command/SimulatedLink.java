package org.skyfleet.telemetry.command;

import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.skyfleet.telemetry.link.FrameObserver;
import org.skyfleet.telemetry.mavlink.FrameListener;
import org.skyfleet.telemetry.mavlink.MavlinkEncoder;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;
import org.skyfleet.telemetry.mavlink.MavlinkFrameSplitter;
import org.skyfleet.telemetry.mavlink.MavlinkMessageCatalog;

/**
 * A {@link VehicleLink} for tests, run as a discrete-event simulation in virtual time on an EmbeddedChannel's
 * event loop. Every message both ways is really encoded as a MAVLink 2 frame and decoded again; each direction
 * can lose a seeded share of frames and delay every frame by a fixed latency. Nothing is delivered
 * synchronously, as on a real wire.
 */
public final class SimulatedLink implements VehicleLink {
    public static final int GCS_SYSTEM = 255;
    public static final int GCS_COMPONENT = 190;
    private static final MavlinkMessageCatalog CATALOG = MavlinkMessageCatalog.standard();
    private static final InetSocketAddress GROUND = new InetSocketAddress("127.0.0.1", 14_550);

    private record Vehicle(int systemId, VehiclePeer peer, MavlinkEncoder encoder, InetSocketAddress address) {
    }

    /** One payload the ground station transmitted (delivered or not). */
    public record Sent(String vehicleId, Object payload) {
    }

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final MavlinkEncoder groundEncoder = new MavlinkEncoder(CATALOG, GCS_SYSTEM, GCS_COMPONENT);
    private final MavlinkFrameSplitter splitter = new MavlinkFrameSplitter(CATALOG);
    private final List<FrameObserver> observers = new ArrayList<>();
    private final Map<String, Vehicle> vehicles = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();
    private final List<Runnable> closeActions = new ArrayList<>();
    private Random random = new Random(1);
    private double lossRatio;
    private long latencyNanos;
    private long elapsedNanos;
    private int dropped;

    public SimulatedLink() {
        channel.freezeTime();
    }

    /** Frames are lost with this probability in each direction, drawn from a generator with this seed. */
    public SimulatedLink withLoss(double ratio, long seed) {
        lossRatio = ratio;
        random = new Random(seed);
        return this;
    }

    /** Every frame arrives this long after it was sent, in each direction. */
    public SimulatedLink withLatency(Duration oneWay) {
        latencyNanos = oneWay.toNanos();
        return this;
    }

    public void attach(String vehicleId, int systemId, VehiclePeer peer) {
        vehicles.put(vehicleId, new Vehicle(systemId, peer, new MavlinkEncoder(CATALOG, systemId, 1),
                new InetSocketAddress("10.0.0." + systemId, 14_580)));
    }

    @Override
    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    @Override
    public void addObserver(FrameObserver observer) {
        observers.add(observer);
    }

    @Override
    public void onClose(Runnable action) {
        closeActions.add(action);
    }

    /** Closes the link: the close actions run, later sends find no vehicle. */
    public void close() {
        vehicles.clear();
        closeActions.forEach(Runnable::run);
    }

    @Override
    public int systemIdOf(String vehicleId) {
        Vehicle v = vehicles.get(vehicleId);
        return v == null ? -1 : v.systemId;
    }

    @Override
    public boolean send(String vehicleId, Object payload) {
        Vehicle v = vehicles.get(vehicleId);
        if (v == null) {
            return false;
        }
        sent.add(new Sent(vehicleId, payload));
        byte[] bytes = groundEncoder.encode(payload);
        Outbox outbox = new Outbox(vehicleId, v);
        transmit(() -> {
            for (MavlinkFrame f : decode(bytes, GROUND)) {
                v.peer.onFrame(f, outbox);
            }
        });
        return true;
    }

    @Override
    public int gcsSystemId() {
        return GCS_SYSTEM;
    }

    @Override
    public int gcsComponentId() {
        return GCS_COMPONENT;
    }

    /** Everything the ground station transmitted, in order. */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Payloads of one class the ground station transmitted, in order. */
    public <T> List<T> sent(Class<T> type) {
        return sent.stream().map(Sent::payload).filter(type::isInstance).map(type::cast).toList();
    }

    public int dropped() {
        return dropped;
    }

    public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos);
    }

    /** Runs every event due in the next {@code d} of virtual time, in time order. */
    public void runFor(Duration d) {
        long remaining = d.toNanos();
        while (true) {
            long next = channel.runScheduledPendingTasks();
            if (next < 0 || next > remaining) {
                advance(remaining);
                channel.runScheduledPendingTasks();
                return;
            }
            advance(next);
            remaining -= next;
        }
    }

    /** Runs events until the stage completes or {@code max} of virtual time has passed, and returns its value. */
    public <T> T await(CompletionStage<T> stage, Duration max) {
        CompletableFuture<T> f = stage.toCompletableFuture();
        long limit = elapsedNanos + max.toNanos();
        while (!f.isDone()) {
            long next = channel.runScheduledPendingTasks();
            if (f.isDone()) {
                break;
            }
            if (next < 0 || elapsedNanos + next > limit) {
                throw new AssertionError("not done after " + max + " of virtual time");
            }
            advance(next);
        }
        return f.join();
    }

    private void advance(long nanos) {
        channel.advanceTimeBy(nanos, TimeUnit.NANOSECONDS);
        elapsedNanos += nanos;
    }

    private void transmit(Runnable delivery) {
        if (lossRatio > 0 && random.nextDouble() < lossRatio) {
            dropped++;
            return;
        }
        channel.eventLoop().schedule(delivery, latencyNanos, TimeUnit.NANOSECONDS);
    }

    private List<MavlinkFrame> decode(byte[] bytes, InetSocketAddress from) {
        List<MavlinkFrame> frames = new ArrayList<>();
        splitter.split(Unpooled.wrappedBuffer(bytes), from, frames, FrameListener.NONE);
        return frames;
    }

    private final class Outbox implements VehiclePeer.Outbox {
        private final String vehicleId;
        private final Vehicle vehicle;

        Outbox(String vehicleId, Vehicle vehicle) {
            this.vehicleId = vehicleId;
            this.vehicle = vehicle;
        }

        @Override
        public void send(Object payload) {
            byte[] bytes = vehicle.encoder.encode(payload);
            transmit(() -> {
                for (MavlinkFrame f : decode(bytes, vehicle.address)) {
                    for (FrameObserver o : observers) {
                        o.onFrame(vehicleId, f);
                    }
                }
            });
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
            return channel.eventLoop().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }
}
