package org.skyfleet.telemetry.link;

import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavType;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.event.EventSeverity;
import org.skyfleet.fleet.event.EventType;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.vehicle.FlightStatus;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.LinkClaims;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.telemetry.mavlink.HeartbeatStatus;
import org.skyfleet.telemetry.mavlink.MavlinkEncoder;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;
import org.skyfleet.telemetry.mavlink.TelemetryApplier;
import org.skyfleet.telemetry.mavlink.VehicleClassification;

/**
 * The logic of one MAVLink link, on its event-loop thread: discovers vehicles by heartbeat, binds each
 * system id to the address it speaks from, applies telemetry to the registry, and marks links lost when
 * heartbeats stop. Stream setup is {@link StreamNegotiation}'s; what is sent, the ground station's heartbeat
 * included, goes through {@link LinkSender}.
 *
 * <p>Binding rule: the first vehicle heartbeat of a system id binds it to the heartbeat's source address.
 * While the vehicle's link is up, frames of that system id from any other address are ignored
 * ({@code peer_conflict}), heartbeats included, so a spoofed heartbeat cannot take the link over. Once the
 * link is lost (no heartbeat for the timeout), a heartbeat from a new address is handled by what vouches for
 * the vehicle:
 * <ul>
 *   <li>a system id with a signing key ({@link SigningKeys}): every frame reaching this handler has passed
 *       {@link SignatureCheck}, so the signed, fresh heartbeat re-binds the link to the new address (a vehicle
 *       back on a new modem session). What is sent to it is signed with its key.</li>
 *   <li>a system id without a key: the address is its only credential, so the new address becomes a
 *       <em>claim</em> ({@link ClaimedAddresses}). Its telemetry is applied and the vehicle's identity carries the
 *       claimed address (marked unconfirmed), a {@code LINK_CLAIMED} event is published, and nothing (commands,
 *       mission transfer, stream requests, the ground station's heartbeat) is sent to it until an operator
 *       confirms it ({@link #confirmClaim}). Should the confirmed address speak again first, the claim is
 *       withdrawn. Under {@link UnsignedLinks#CLAIMED} the first address is a claim too; under
 *       {@link UnsignedLinks#REFUSED} a system id without a key is not admitted at all.</li>
 * </ul>
 */
final class MavlinkIngestHandler extends SimpleChannelInboundHandler<MavlinkFrame> {
    private static final Logger LOG = Logger.getLogger(MavlinkIngestHandler.class.getName());
    private static final int AUTOPILOT_COMPONENT = 1;
    private static final long TICK_MS = 100;
    private static final Duration GCS_HEARTBEAT_PERIOD = Duration.ofSeconds(1);

    private final LinkConfig config;
    private final VehicleRegistry registry;
    private final InstantSource clock;
    private final IngestMetrics metrics;
    private final LinkSender sender;
    private final StreamNegotiation streams;
    private final ClaimedAddresses claims;
    private final Map<Integer, VehicleBinding> bySystemId = new HashMap<>();
    private final Map<String, VehicleBinding> byVehicleId = new HashMap<>();
    private final List<FrameObserver> observers = new CopyOnWriteArrayList<>();
    private final List<DockObserver> dockObservers = new CopyOnWriteArrayList<>();
    private volatile LinkGate gate = LinkGate.ALL;
    private ScheduledFuture<?> tick;
    private Instant lastGcsHeartbeat = Instant.EPOCH;
    /** System ids refused for want of a signing key that were logged already: one line each, not one per heartbeat. */
    private final BitSet refusalLogged = new BitSet(256);

    MavlinkIngestHandler(LinkConfig config, VehicleRegistry registry, InstantSource clock, IngestMetrics metrics,
                         MavlinkEncoder encoder) {
        this.config = config;
        this.registry = registry;
        this.clock = clock;
        this.metrics = metrics;
        this.sender = new LinkSender(config, clock, encoder);
        this.streams = new StreamNegotiation(sender, config.streamAckTimeout());
        this.claims = new ClaimedAddresses(config.linkName(), registry);
    }

    void setGate(LinkGate gate) {
        this.gate = gate;
    }

    void addObserver(FrameObserver observer) {
        observers.add(observer);
    }

    void addDockObserver(DockObserver observer) {
        dockObservers.add(observer);
    }

    /** The address a bound vehicle speaks from, or null. Link thread only. */
    InetSocketAddress peerOf(String vehicleId) {
        VehicleBinding b = byVehicleId.get(vehicleId);
        return b == null ? null : b.peer;
    }

    /**
     * Sends payloads to a bound vehicle's confirmed address; false if it is not bound here or a claim on it is
     * pending (then nothing is sent anywhere). Link thread only.
     */
    boolean sendTo(String vehicleId, List<Object> payloads) {
        VehicleBinding b = byVehicleId.get(vehicleId);
        if (b == null || !b.sendable()) {
            return false;
        }
        sender.sendAll(b, payloads);
        return true;
    }

    /** The address a claim on the vehicle is pending from ({@code host:port}), or null. Link thread only. */
    String pendingClaimOf(String vehicleId) {
        VehicleBinding b = byVehicleId.get(vehicleId);
        return b == null || b.claim == null ? null : peerName(b.claim);
    }

    /**
     * Binds the vehicle's link to its claimed address if that is {@code claimedPeer}; the streams are then
     * requested from it. Link thread only.
     */
    LinkClaims.Confirmation confirmClaim(String vehicleId, String claimedPeer) {
        VehicleBinding b = byVehicleId.get(vehicleId);
        if (b == null || !gate.holds(vehicleId)) {
            return new LinkClaims.Confirmation(LinkClaims.Outcome.NOT_ON_THIS_NODE, "",
                    "vehicle " + vehicleId + " is not bound on link " + config.linkName() + " of this node");
        }
        Instant now = clock.instant();
        LinkClaims.Confirmation c = claims.confirm(b, claimedPeer, now);
        if (c.outcome() == LinkClaims.Outcome.CONFIRMED) {
            streams.request(b, now);
        }
        return c;
    }

    int systemIdOf(String vehicleId) {
        VehicleBinding b = byVehicleId.get(vehicleId);
        return b == null ? -1 : b.systemId;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        sender.attach(ctx.channel());
        tick = ctx.executor().scheduleAtFixedRate(this::safeTick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (tick != null) {
            tick.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A UDP link serves every vehicle: count, log and keep the channel open whatever one datagram did.
        metrics.handlerError();
        LOG.log(Level.WARNING, "link " + config.linkName() + ": unexpected error, link stays up", cause);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MavlinkFrame frame) {
        Instant now = clock.instant();
        VehicleBinding binding;
        if (frame.payload() instanceof Heartbeat hb && frame.componentId() != AUTOPILOT_COMPONENT
                && hb.type().entry() == MavType.MAV_TYPE_CHARGING_STATION) {
            onDockHeartbeat(frame);
            return;
        }
        if (frame.payload() instanceof Heartbeat hb) {
            binding = onHeartbeat(frame, hb, now);
        } else {
            binding = bySystemId.get(frame.systemId());
            if (binding == null) {
                metrics.frameIgnored(IngestMetrics.FrameIgnored.UNKNOWN_SYSTEM);
                return;
            }
            if (!gate.admit(binding.vehicleId)) {
                metrics.frameIgnored(IngestMetrics.FrameIgnored.OWNED_ELSEWHERE);
                return;
            }
            if (!frame.sender().equals(binding.peer) && !frame.sender().equals(binding.claim)) {
                metrics.frameIgnored(IngestMetrics.FrameIgnored.PEER_CONFLICT);
                return;
            }
            if (binding.dockComponents.get(frame.componentId())) {
                // the dock's own BATTERY_STATUS is the pack on its pad: never the vehicle's state
                String vehicleId = binding.vehicleId;
                dockObservers.forEach(o -> o.onDockFrame(vehicleId, frame));
                return;
            }
            onTelemetry(binding, frame, now);
        }
        if (binding != null && !observers.isEmpty()) {
            for (FrameObserver o : observers) {
                o.onFrame(binding.vehicleId, frame);
            }
        }
    }

    /**
     * A charging station speaking as a component of a bound vehicle's system, from the vehicle's address: its
     * frames go to the dock observers from now on. Heard from anywhere else, or for a system not bound here, it is
     * not a vehicle and is ignored, as before.
     */
    private void onDockHeartbeat(MavlinkFrame frame) {
        VehicleBinding binding = bySystemId.get(frame.systemId());
        if (binding == null || !gate.admit(binding.vehicleId) || !frame.sender().equals(binding.peer)) {
            metrics.frameIgnored(IngestMetrics.FrameIgnored.NOT_A_VEHICLE);
            return;
        }
        binding.dockComponents.set(frame.componentId() & 0xff);
        dockObservers.forEach(o -> o.onDockFrame(binding.vehicleId, frame));
    }

    private VehicleBinding onHeartbeat(MavlinkFrame frame, Heartbeat hb, Instant now) {
        VehicleKind kind = VehicleClassification.kind(hb.type().entry());
        if (kind == null || frame.componentId() != AUTOPILOT_COMPONENT) {
            metrics.frameIgnored(IngestMetrics.FrameIgnored.NOT_A_VEHICLE);
            return null;
        }
        int systemId = frame.systemId();
        boolean signed = config.signingKeys().requiresSigning(systemId);
        if (!signed && config.unsigned() == UnsignedLinks.REFUSED) {
            refuseUnsigned(systemId, frame.sender());
            return null;
        }
        VehicleBinding binding = bySystemId.get(systemId);
        if (binding == null && !config.admission().admits(systemId)) {
            metrics.frameIgnored(IngestMetrics.FrameIgnored.UNREGISTERED);
            return null;
        }
        if (!gate.admit(binding != null ? binding.vehicleId : vehicleIdOf(systemId))) {
            metrics.frameIgnored(IngestMetrics.FrameIgnored.OWNED_ELSEWHERE);
            return null;
        }
        if (binding == null) {
            return discover(frame, hb, kind, now, !signed && config.unsigned() == UnsignedLinks.CLAIMED);
        }
        VehicleState current = registry.find(binding.vehicleId).orElseThrow();
        boolean wasLost = current.status().linkState() == LinkState.LOST;
        InetSocketAddress from = frame.sender();
        if (from.equals(binding.peer)) {
            if (binding.claim != null) {
                claims.withdraw(binding, now);
            }
        } else if (!from.equals(binding.claim)) {
            if (!wasLost) {
                metrics.frameIgnored(IngestMetrics.FrameIgnored.PEER_CONFLICT);
                return null;
            }
            if (signed) {
                // A signed vehicle came back from another address (a new modem session, say): follow it.
                binding.peer = from;
            } else {
                // Unsigned: anyone could be speaking with its system id. Hold the address until an operator confirms it.
                claims.open(binding, from, now);
            }
        }
        FlightStatus status = HeartbeatStatus.of(hb, current.identity().autopilot(), kind, current.status().landedState(), now);
        String peer = binding.peer == null ? "" : peerName(binding.peer);
        String claim = binding.claim == null ? "" : peerName(binding.claim);
        registry.update(binding.vehicleId, s -> {
            VehicleState next = s.withStatus(status);
            return peer.equals(s.identity().linkPeer()) && claim.equals(s.identity().linkClaim()) ? next
                    : next.withIdentity(s.identity().withLink(peer, claim));
        }, now);
        if (wasLost && binding.sendable()) {
            // A vehicle that rebooted forgot the intervals it was asked for.
            streams.request(binding, now);
        }
        return binding;
    }

    private void refuseUnsigned(int systemId, InetSocketAddress from) {
        metrics.frameIgnored(IngestMetrics.FrameIgnored.NO_SIGNING_KEY);
        if (!refusalLogged.get(systemId)) {
            refusalLogged.set(systemId);
            LOG.warning("link " + config.linkName() + ": system id " + systemId + " (heard from " + peerName(from)
                    + ") has no signing key and this server admits signed vehicles only: its frames are dropped"
                    + " (metric skyfleet.mavlink.frames.ignored{reason=no_signing_key}). Give it a key (--signing-keys)"
                    + " or, for a fleet that cannot sign, start the server with --allow-unsigned");
        }
    }

    private VehicleBinding discover(MavlinkFrame frame, Heartbeat hb, VehicleKind kind, Instant now, boolean claimFirst) {
        String vehicleId = vehicleIdOf(frame.systemId());
        VehicleBinding binding = new VehicleBinding(vehicleId, frame.systemId(), claimFirst ? null : frame.sender());
        bySystemId.put(frame.systemId(), binding);
        byVehicleId.put(vehicleId, binding);
        var autopilot = VehicleClassification.autopilot(hb.autopilot().entry());
        FlightStatus status = HeartbeatStatus.of(hb, autopilot, kind, LandedState.UNKNOWN, now);
        String address = peerName(frame.sender());
        VehicleIdentity identity = claimFirst
                ? new VehicleIdentity(vehicleId, kind, autopilot, frame.systemId(), "", address)
                : new VehicleIdentity(vehicleId, kind, autopilot, frame.systemId(), address);
        VehicleState initial = new VehicleState(identity, status, null, null, null, null, null, null, 0);
        VehicleState stored = registry.register(initial, now);
        if (stored.identity() != identity) {
            // Known from before (this link restarted): take the new identity and status.
            registry.update(vehicleId, s -> s.withIdentity(identity).withStatus(status), now);
        }
        if (claimFirst) {
            claims.open(binding, frame.sender(), now);
        } else {
            streams.request(binding, now);
        }
        return binding;
    }

    private String vehicleIdOf(int systemId) {
        return "mav-" + config.linkName() + "-" + systemId;
    }

    private void onTelemetry(VehicleBinding binding, MavlinkFrame frame, Instant now) {
        Object payload = frame.payload();
        if (payload instanceof CommandAck ack) {
            streams.onAck(binding, ack);
            return;
        }
        if (payload instanceof Statustext text) {
            onStatusText(binding, text, now);
            return;
        }
        registry.update(binding.vehicleId, s -> TelemetryApplier.apply(s, payload, now), now);
    }

    private void onStatusText(VehicleBinding binding, Statustext text, Instant now) {
        int severity = text.severity().value();  // MAV_SEVERITY: 0 emergency .. 4 warning .. 7 debug
        if (severity > 4) {
            return;
        }
        registry.publishEvent(new VehicleEvent(binding.vehicleId, EventType.STATUS_TEXT,
                severity <= 2 ? EventSeverity.CRITICAL : EventSeverity.WARNING, text.text().trim(), now, 0));
    }

    /** A periodic task that throws is cancelled for good: never let one bad tick stop link-loss detection. */
    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            metrics.handlerError();
            LOG.log(Level.WARNING, "link " + config.linkName() + ": tick failed", e);
        }
    }

    private void tick() {
        Instant now = clock.instant();
        Instant lostBefore = now.minus(config.heartbeatTimeout());
        for (VehicleBinding b : bySystemId.values()) {
            if (!gate.holds(b.vehicleId)) {
                continue;  // another node owns it now: its state is that node's to judge
            }
            VehicleState s = registry.find(b.vehicleId).orElseThrow();
            if (s.status().linkState() == LinkState.CONNECTED && s.status().lastHeartbeat().isBefore(lostBefore)) {
                registry.update(b.vehicleId, v -> v.withStatus(v.status().withLinkState(LinkState.LOST)), now);
            }
            streams.checkTimeout(b, now);
        }
        if (!now.isBefore(lastGcsHeartbeat.plus(GCS_HEARTBEAT_PERIOD))) {
            lastGcsHeartbeat = now;
            sender.sendGcsHeartbeats(bySystemId.values());
        }
    }

    static String peerName(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }
}
