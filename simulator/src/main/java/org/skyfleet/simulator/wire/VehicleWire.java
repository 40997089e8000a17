package org.skyfleet.simulator.wire;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.skyfleet.simulator.autopilot.Autopilot;
import org.skyfleet.simulator.autopilot.CommandHandler;
import org.skyfleet.simulator.autopilot.FailsafeConfig;
import org.skyfleet.simulator.clock.SimClock;
import org.skyfleet.simulator.link.LinkFaults;
import org.skyfleet.simulator.link.Transport;
import org.skyfleet.simulator.mission.MissionItemCheck;
import org.skyfleet.simulator.mission.MissionStore;
import org.skyfleet.simulator.mission.MissionTransfer;
import org.skyfleet.simulator.vehicle.Setpoint;
import org.skyfleet.simulator.vehicle.SimVehicle;

/**
 * A simulated autopilot on its MAVLink link: each step it reads what the ground station sent, lets the
 * autopilot fly the vehicle, and sends the telemetry that is due, MAVLink 2 framed (and signed when
 * the vehicle has a key), through the link's faults onto its transport. A reboot restarts the packet
 * sequence and time since boot. Used by the simulation thread only.
 */
public final class VehicleWire implements AutoCloseable {
    private volatile org.skyfleet.simulator.video.CameraAnnouncement camera;
    static final int AUTOPILOT_COMPONENT = 1;
    /** MAVLink signing timestamps count 10 us units from 2015-01-01T00:00:00Z. */
    private static final long SIGNING_EPOCH_MS = 1_420_070_400_000L;

    private final SimVehicle vehicle;
    private final Autopilot autopilot;
    private final MissionStore store = new MissionStore();
    private final LinkFaults link;
    private final SimClock clock;
    private final double positionRateHz;
    private final long schedulePhaseMs;
    private final byte[] signingKey;
    private final TelemetrySchedule schedule = new TelemetrySchedule();
    private final GcsMessageHandler inbound;
    private final org.skyfleet.simulator.video.GimbalCamera gimbalCamera;
    private final CameraCommandHandler cameraCommands;
    private final FrameEncoder encoder = new FrameEncoder();
    private final WindEstimate wind = new WindEstimate();
    private long bootAtMs;
    private long silentUntilMs = -1;
    private long lastSigningTimestamp;
    private long sentDatagrams;
    /** The vehicle's dock, or null: it speaks on this link as another component of the vehicle's system. */
    private org.skyfleet.simulator.dock.Dock dock;
    /** A swap by hand on a vehicle without a dock, or null. */
    private org.skyfleet.simulator.dock.PackSwap handSwap;
    private long nextDockMs;

    /**
     * @param signingKey 32-byte MAVLink 2 signing key, or null for an unsigned link
     */
    public VehicleWire(SimVehicle vehicle, FailsafeConfig failsafe, Transport transport, SimClock clock,
                       double positionRateHz, byte[] signingKey, long seed) {
        if (signingKey != null && signingKey.length != 32) {
            throw new IllegalArgumentException("a MAVLink 2 signing key is 32 bytes, got " + signingKey.length);
        }
        this.vehicle = vehicle;
        this.clock = clock;
        this.positionRateHz = positionRateHz;
        this.signingKey = signingKey == null ? null : signingKey.clone();
        this.link = new LinkFaults(transport, clock, seed);
        this.autopilot = new Autopilot(vehicle, this::send, store, failsafe);
        MissionTransfer transfer = new MissionTransfer(this::send, store,
                new MissionItemCheck(vehicle.spec(), vehicle.homeAltAmslM()), autopilot::missionCurrentSeq);
        // every drone carries a camera on a gimbal; a ground robot has none and refuses camera commands
        this.gimbalCamera = vehicle.kind() == org.skyfleet.simulator.vehicle.SimVehicleKind.MULTICOPTER
                ? new org.skyfleet.simulator.video.GimbalCamera() : null;
        this.cameraCommands = gimbalCamera == null ? null : new CameraCommandHandler(gimbalCamera, vehicle, clock, this);
        this.inbound = new GcsMessageHandler(this, autopilot, new CommandHandler(autopilot), transfer, schedule, signingKey);
        this.bootAtMs = clock.nowMs();
        this.schedulePhaseMs = Math.floorMod(seed, 1000L);
        schedule.reset(vehicle.flavour(), positionRateHz, schedulePhaseMs);
    }

    /** One simulation step: receive, fly, send. The wind is the true wind at the vehicle, m/s. */
    public void step(double dtS, double windEastMps, double windNorthMps) {
        long now = clock.nowMs();
        link.receive(d -> {
            if (!rebooting(now)) {
                inbound.handle(d, now);
            }
        });
        Setpoint sp = autopilot.step(now);
        vehicle.advance(sp, autopilot.armed(), windEastMps, windNorthMps, dtS);
        autopilot.afterMotion();
        wind.step(windEastMps, windNorthMps, dtS);
        boolean swapped = stepPack(dtS);
        inbound.transfer().step(now);
        if (!rebooting(now)) {
            if (cameraCommands != null) {
                cameraCommands.step(now);
                cameraCommands.holdRegionOfInterest(autopilot.roi(), now);
            }
            schedule.sendDue(now - bootAtMs, id -> send(TelemetryMessages.build(id, vehicle, autopilot, now - bootAtMs)));
            send(wind.due(now, now - bootAtMs, vehicle.flavour(), vehicle.altitudeRelM()));
            if (swapped) {
                // a smart pack announces itself when it is plugged in: the ground station learns its serial
                send(TelemetryMessages.build(TelemetryMessages.SMART_BATTERY_INFO, vehicle, autopilot, now - bootAtMs));
            }
        }
        if (dock != null && now >= nextDockMs) {
            nextDockMs = now + 1000;
            sendFrom(DockMessages.DOCK_COMPONENT, DockMessages.heartbeat(dock));
            sendFrom(DockMessages.DOCK_COMPONENT, DockMessages.battery(dock, vehicle));
        }
        link.flush();
    }

    /** The dock charges or swaps, a swap by hand goes on; true on the step a fresh pack went in. */
    private boolean stepPack(double dtS) {
        boolean swapped = dock != null && dock.step(vehicle, autopilot.armed(), dtS);
        if (handSwap != null) {
            swapped |= handSwap.step(vehicle.battery(), !autopilot.armed() && !vehicle.airborne(), dtS);
            if (handSwap.done()) {
                handSwap = null;
            }
        }
        return swapped;
    }

    /** Gives the vehicle its dock (null: none). Simulation thread. */
    public void attachDock(org.skyfleet.simulator.dock.Dock dock) {
        this.dock = dock;
    }

    /** The vehicle's dock, or null. */
    public org.skyfleet.simulator.dock.Dock dock() {
        return dock;
    }

    /**
     * Someone swaps the pack, by hand or by a dock action: a full pack is in after the dock's swap time (or
     * {@code swapTimeS} for a vehicle without a dock) of the vehicle standing still. Simulation thread.
     */
    public void requestSwap(double swapTimeS) {
        if (dock != null) {
            dock.requestSwap();
        } else if (handSwap == null) {
            handSwap = new org.skyfleet.simulator.dock.PackSwap(swapTimeS);
        }
    }

    /** Sends as another component of the vehicle's system (its dock): on its own controller, it talks through a reboot. */
    private void sendFrom(int component, Object payload) {
        if (payload == null) {
            return;
        }
        if (signingKey != null) {
            lastSigningTimestamp = Math.max(lastSigningTimestamp + 1, (clock.epochMs() - SIGNING_EPOCH_MS) * 100);
        }
        link.send(encoder.encode(vehicle.systemId(), component, payload, signingKey, lastSigningTimestamp));
        sentDatagrams++;
    }

    private boolean rebooting(long now) {
        return now < silentUntilMs;
    }

    /** Sends one message to the ground station (lost while the autopilot is rebooting). */
    /**
     * Gives the vehicle a camera it announces over MAVLink's camera protocol (null: none; a request for its
     * information is then denied). Any thread.
     */
    public void announceCamera(org.skyfleet.simulator.video.CameraAnnouncement camera) {
        this.camera = camera;
    }

    org.skyfleet.simulator.video.CameraAnnouncement camera() {
        return camera;
    }

    /** The drone's camera on its gimbal, as commands left it; null for a vehicle without one (a ground robot). */
    public org.skyfleet.simulator.video.GimbalCamera gimbalCamera() {
        return gimbalCamera;
    }

    /** Answers camera and gimbal commands; null without a camera. */
    CameraCommandHandler cameraCommands() {
        return cameraCommands;
    }

    void send(Object payload) {
        if (payload == null || rebooting(clock.nowMs())) {
            return;
        }
        if (signingKey != null) {
            lastSigningTimestamp = Math.max(lastSigningTimestamp + 1, (clock.epochMs() - SIGNING_EPOCH_MS) * 100);
        }
        link.send(encoder.encode(vehicle.systemId(), AUTOPILOT_COMPONENT, payload, signingKey, lastSigningTimestamp));
        sentDatagrams++;
    }

    /**
     * Restarts the flight controller: silent for {@code downMs}, then back with packet sequence 0, time
     * since boot from 0 and the default telemetry set; the stored mission survives, as in PX4's dataman.
     */
    public void reboot(long downMs) {
        long now = clock.nowMs();
        silentUntilMs = now + downMs;
        bootAtMs = now + downMs;
        encoder.restart();
        schedule.reset(vehicle.flavour(), positionRateHz, schedulePhaseMs);
        autopilot.reboot();
    }

    void setInterval(int messageId, long intervalMs) {
        schedule.setIntervalMs(messageId, intervalMs);
    }

    long timeBootMs() {
        return clock.nowMs() - bootAtMs;
    }

    public SimVehicle vehicle() {
        return vehicle;
    }

    public Autopilot autopilot() {
        return autopilot;
    }

    public MissionStore missions() {
        return store;
    }

    /** The radio link's faults: loss, latency, outage. */
    public LinkFaults link() {
        return link;
    }

    /** Cuts or restores the radio link (nothing sent, nothing received while down). */
    public void setLinkUp(boolean up) {
        link.setUp(up);
    }

    public boolean isLinkUp() {
        return link.isUp();
    }

    public boolean isStreaming(int messageId) {
        return schedule.isStreaming(messageId);
    }

    /** Messages per second the current telemetry schedule asks for. */
    public double scheduledMessagesPerS() {
        return schedule.messagesPerS();
    }

    public long sentDatagrams() {
        return sentDatagrams;
    }

    /** Datagrams from the ground station dropped for a missing or wrong signature. */
    public long rejectedUnsigned() {
        return inbound.rejectedUnsigned();
    }

    /** The UDP address the vehicle sends from (and the ground station answers to). */
    public InetSocketAddress localAddress() {
        SocketAddress a = link.localAddress();
        if (a == null) {
            throw new IllegalStateException(vehicle.name() + " is on an in-memory link, it has no socket address");
        }
        return (InetSocketAddress) a;
    }

    @Override
    public void close() {
        link.close();
    }
}
