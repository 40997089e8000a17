package org.skyfleet.video;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.skyfleet.video.ingest.StreamSource;
import org.skyfleet.video.stream.StreamStatus;
import org.skyfleet.video.stream.VehicleStream;

/**
 * Every vehicle's stream on this node, by vehicle id: registered by an operator (a URL to pull), opened for
 * a push (an RTMP endpoint per vehicle) or announced by the vehicle's camera over MAVLink. At most
 * {@link VideoConfig#maxStreams()} at once.
 */
public final class VideoStreams implements AutoCloseable {
    /** Vehicle ids go into URLs and process arguments: letters, digits, '-', '_', '.'. */
    private static final Pattern VEHICLE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final VideoConfig config;
    private final InstantSource clock;
    private final MeterRegistry meters;
    private final ScheduledExecutorService timer;
    private final Map<String, VehicleStream> streams = new ConcurrentHashMap<>();
    private final Map<String, Integer> pushPorts = new ConcurrentHashMap<>();
    private final List<Consumer<StreamStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, List<DeliveryWatch>> deliveryWatches = new ConcurrentHashMap<>();
    private int nextPushPort;

    public VideoStreams(VideoConfig config, InstantSource clock, MeterRegistry meters) {
        this.config = config;
        this.clock = clock;
        this.meters = meters;
        this.nextPushPort = config.rtmpPortBase();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skyfleet-video-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Pulls {@code url} for {@code vehicleId}, replacing any stream it had.
     *
     * @param discoveredBy "operator" or "mavlink"
     * @throws IllegalArgumentException for a bad vehicle id or URL
     * @throws IllegalStateException    when {@link VideoConfig#maxStreams()} streams are already held
     */
    public StreamStatus register(String vehicleId, String url, String discoveredBy) {
        return replace(vehicleId, StreamSource.pull(url), discoveredBy);
    }

    /**
     * Opens (or keeps) an RTMP push endpoint for {@code vehicleId}, replacing a pulled stream.
     *
     * @return the stream; its source URL is what the pusher publishes to
     */
    public synchronized StreamStatus acceptPush(String vehicleId) {
        checkId(vehicleId);
        VehicleStream existing = streams.get(vehicleId);
        if (existing != null && existing.source().listen()) {
            return existing.status();
        }
        int port = pushPorts.computeIfAbsent(vehicleId, id -> allocatePort());
        return replace(vehicleId, StreamSource.rtmpListen(config.rtmpHost(), port, vehicleId), "push");
    }

    /** The URL a pusher for {@code vehicleId} publishes to, as advertised (the public host). */
    public Optional<String> pushUrl(String vehicleId) {
        Integer port = pushPorts.get(vehicleId);
        VehicleStream s = streams.get(vehicleId);
        return port == null || s == null || !s.source().listen() ? Optional.empty()
                : Optional.of("rtmp://" + config.publicHost() + ":" + port + "/live/" + vehicleId);
    }

    private synchronized StreamStatus replace(String vehicleId, StreamSource source, String discoveredBy) {
        checkId(vehicleId);
        VehicleStream old = streams.get(vehicleId);
        if (old == null && streams.size() >= config.maxStreams()) {
            throw new IllegalStateException("this server already holds " + config.maxStreams() + " streams; remove one first");
        }
        if (old != null) {
            old.close();
        }
        VehicleStream s = new VehicleStream(vehicleId, source, discoveredBy, config, clock, timer, meters, this::changed);
        s.onDelivered(at -> delivered(vehicleId, at));
        streams.put(vehicleId, s);
        return s.status();
    }

    private void changed(StreamStatus status) {
        listeners.forEach(l -> l.accept(status));
    }

    /**
     * A stream the vehicle announced (MAVLink camera protocol): pulled unless an operator registered or opened one
     * for it, which stays. A URL the server may not pull is ignored, as is the same URL again.
     *
     * @return true if the stream was (re)registered
     */
    public synchronized boolean discovered(String vehicleId, String url) {
        VehicleStream existing = streams.get(vehicleId);
        if (existing != null && (!existing.status().discoveredBy().equals("mavlink") || existing.source().url().equals(url))) {
            return false;
        }
        try {
            register(vehicleId, url, "mavlink");
            return true;
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return false;
        }
    }

    /** One caller waiting for the first frame of a vehicle's stream handed to a viewer at or after a time. */
    private record DeliveryWatch(Instant notBefore, Consumer<Instant> then) {
    }

    /**
     * Calls {@code then} once, with the time, when a frame of {@code vehicleId}'s stream is first handed to a viewer
     * (a console, a player) at or after {@code notBefore}: the first picture a person gets, not the first the relay
     * holds. The vehicle need not stream yet. From the ingest thread; {@code then} must not block.
     *
     * @return closing it stops the wait
     */
    public AutoCloseable onFirstDelivery(String vehicleId, Instant notBefore, Consumer<Instant> then) {
        DeliveryWatch w = new DeliveryWatch(notBefore, then);
        deliveryWatches.computeIfAbsent(vehicleId, id -> new CopyOnWriteArrayList<>()).add(w);
        return () -> deliveryWatches.getOrDefault(vehicleId, List.of()).remove(w);
    }

    private void delivered(String vehicleId, Instant at) {
        List<DeliveryWatch> waiting = deliveryWatches.get(vehicleId);
        if (waiting == null || waiting.isEmpty()) {
            return;
        }
        for (DeliveryWatch w : waiting) {
            if (!at.isBefore(w.notBefore()) && waiting.remove(w)) { // removed once: told once
                w.then().accept(at);
            }
        }
    }

    /** Hears every stream's changes of state (live, stalled, failed); from ingest threads, must not block. */
    public AutoCloseable onChange(Consumer<StreamStatus> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Stops and forgets a vehicle's stream.
     *
     * @throws NoSuchElementException if it has none
     */
    public synchronized void remove(String vehicleId) {
        VehicleStream s = streams.remove(vehicleId);
        if (s == null) {
            throw new NoSuchElementException("vehicle " + vehicleId + " has no video stream");
        }
        s.close();
    }

    public Optional<VehicleStream> stream(String vehicleId) {
        return Optional.ofNullable(streams.get(vehicleId));
    }

    /** Every stream's status, by vehicle id. */
    public List<StreamStatus> all() {
        return streams.values().stream().map(VehicleStream::status)
                .sorted(Comparator.comparing(StreamStatus::vehicleId)).toList();
    }

    private static void checkId(String vehicleId) {
        if (vehicleId == null || !VEHICLE_ID.matcher(vehicleId).matches()) {
            throw new IllegalArgumentException("a vehicle id is 1-64 letters, digits, '.', '_' or '-'; got " + vehicleId);
        }
    }

    /** The next configured push port, or a free one the system picks (closed again for FFmpeg to bind). */
    private int allocatePort() {
        if (config.rtmpPortBase() > 0) {
            return nextPushPort++;
        }
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(config.rtmpHost()))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for an RTMP push endpoint on " + config.rtmpHost() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        streams.values().forEach(VehicleStream::close);
        streams.clear();
        timer.shutdownNow();
    }
}
