package org.skyfleet.telemetry.link;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.skyfleet.telemetry.mavlink.FrameListener;
import org.skyfleet.telemetry.mavlink.FrameRejection;
import org.skyfleet.telemetry.mavlink.MavlinkMessageCatalog;

/**
 * Counters of the MAVLink ingest path. Every datagram in is either accepted (it held at least one
 * valid frame) or dropped with a reason, so {@code in = accepted + sum(dropped)} always holds.
 */
public final class IngestMetrics implements FrameListener {

    /** Why a whole datagram was dropped. */
    public enum DatagramDrop {
        OVERSIZE, RATE_LIMITED, NO_VALID_FRAME;

        String tag() {
            return name().toLowerCase();
        }
    }

    /** Why a valid frame was not applied to a vehicle. */
    public enum FrameIgnored {
        /** Telemetry from a system id that has not sent a vehicle heartbeat yet. */
        UNKNOWN_SYSTEM,
        /** A known system id speaking from another address while its link is up (spoofing or a duplicate id). */
        PEER_CONFLICT,
        /** A heartbeat from a ground station, camera, gimbal or other non-vehicle component. */
        NOT_A_VEHICLE,
        /** An unsigned frame from a system id whose link requires signing. */
        UNSIGNED,
        /** A signed frame whose signature does not match its bytes under the system id's key. */
        BAD_SIGNATURE,
        /** A correctly signed frame whose timestamp is not after the last accepted one of its stream (a replay). */
        REPLAYED,
        /** A vehicle heartbeat from a system id that is not registered, on a link that admits registered ones only. */
        UNREGISTERED,
        /** A frame of a vehicle whose link another control-plane node owns (it reaches this node over the bus). */
        OWNED_ELSEWHERE,
        /** A vehicle heartbeat from a system id without a signing key, on a link that admits signed vehicles only. */
        NO_SIGNING_KEY;

        String tag() {
            return name().toLowerCase();
        }
    }

    private final MeterRegistry registry;
    private final Counter datagramsIn;
    private final Counter datagramsAccepted;
    private final Map<DatagramDrop, Counter> dropped = new EnumMap<>(DatagramDrop.class);
    private final Map<FrameRejection, Counter> rejected = new EnumMap<>(FrameRejection.class);
    private final Map<FrameIgnored, Counter> ignored = new EnumMap<>(FrameIgnored.class);
    private final Map<Integer, Counter> decodedByType = new ConcurrentHashMap<>();
    private final Counter framesDecoded;
    private final Counter handlerErrors;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.datagramsIn = Counter.builder("skyfleet.mavlink.datagrams.in")
                .description("UDP datagrams received on MAVLink links").register(registry);
        this.datagramsAccepted = Counter.builder("skyfleet.mavlink.datagrams.accepted")
                .description("datagrams that held at least one valid frame").register(registry);
        this.framesDecoded = Counter.builder("skyfleet.mavlink.frames.valid")
                .description("valid frames decoded, all types").register(registry);
        this.handlerErrors = Counter.builder("skyfleet.mavlink.ingest.errors")
                .description("unexpected exceptions in the link pipeline (the link stays up)").register(registry);
        for (DatagramDrop d : DatagramDrop.values()) {
            dropped.put(d, Counter.builder("skyfleet.mavlink.datagrams.dropped").tag("reason", d.tag())
                    .description("datagrams dropped whole").register(registry));
        }
        for (FrameRejection r : FrameRejection.values()) {
            rejected.put(r, Counter.builder("skyfleet.mavlink.frames.bad").tag("reason", r.tag())
                    .description("candidate frames rejected").register(registry));
        }
        for (FrameIgnored r : FrameIgnored.values()) {
            ignored.put(r, Counter.builder("skyfleet.mavlink.frames.ignored").tag("reason", r.tag())
                    .description("valid frames not applied to any vehicle").register(registry));
        }
    }

    void datagramIn() {
        datagramsIn.increment();
    }

    void datagramAccepted() {
        datagramsAccepted.increment();
    }

    void datagramDropped(DatagramDrop why) {
        dropped.get(why).increment();
    }

    void handlerError() {
        handlerErrors.increment();
    }

    void frameIgnored(FrameIgnored why) {
        ignored.get(why).increment();
    }

    @Override
    public void accepted(MavlinkMessageCatalog.MessageType type) {
        framesDecoded.increment();
        decodedByType.computeIfAbsent(type.id(), id -> Counter.builder("skyfleet.mavlink.frames.decoded")
                .tag("type", type.name()).description("valid frames decoded, by message type").register(registry))
                .increment();
    }

    @Override
    public void rejected(FrameRejection why) {
        rejected.get(why).increment();
    }

    public double datagramsIn() {
        return datagramsIn.count();
    }

    public double datagramsAccepted() {
        return datagramsAccepted.count();
    }

    public double datagramsDropped(DatagramDrop why) {
        return dropped.get(why).count();
    }

    public double framesDecoded() {
        return framesDecoded.count();
    }

    public double framesRejected(FrameRejection why) {
        return rejected.get(why).count();
    }

    public double handlerErrors() {
        return handlerErrors.count();
    }

    public double framesIgnored(FrameIgnored why) {
        return ignored.get(why).count();
    }
}
