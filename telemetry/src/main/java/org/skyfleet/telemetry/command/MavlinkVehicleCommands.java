package org.skyfleet.telemetry.command;

import io.dronefleet.mavlink.common.CommandAck;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandResult;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;

/**
 * {@link VehicleCommands} over a MAVLink link, the MAVLink command protocol's ground side.
 *
 * <p>Steps: map the verb ({@link CommandMapping}: PX4 or ArduPilot conventions); send it to the vehicle's autopilot (component 1); every
 * {@code retryInterval} without an answer send it again, COMMAND_LONG with {@code confirmation} one higher;
 * after {@code maxAttempts} sends and one more interval of silence the result is TIMED_OUT. The answer is the
 * first COMMAND_ACK from that vehicle's autopilot for that MAV_CMD, addressed to this ground station (or to
 * nobody, as old autopilots send it). IN_PROGRESS stops the retransmissions (the vehicle has the command),
 * reports its progress and waits up to {@code inProgressTimeout} for the next ack, each one restarting the wait.
 * Any other result is final and returned as the vehicle gave it.
 *
 * <p>An ack names only the MAV_CMD, so one command per (vehicle, MAV_CMD) is in flight at a time: a second one
 * waits in line behind the first and is sent when the first is answered or timed out (an ack that arrives after
 * its command timed out is then taken for the next one's: MAVLink offers nothing to tell them apart). Acks for
 * commands this class did not send (the link's SET_MESSAGE_INTERVAL, another ground station's) find no command
 * in flight and are ignored. All state lives on the link's event loop; stages complete there.
 */
public final class MavlinkVehicleCommands implements VehicleCommands {
    private static final Logger LOG = Logger.getLogger(MavlinkVehicleCommands.class.getName());

    private record Key(String vehicleId, int commandId) {
    }

    private final VehicleLink link;
    private final EventLoop loop;
    private final CommandMapping mapping;
    private final CommandConfig config;
    private final Map<Key, ArrayDeque<PendingCommand>> inFlight = new HashMap<>();
    private boolean closed;

    /** Maps every vehicle's commands with this mapping. */
    public MavlinkVehicleCommands(VehicleLink link, CommandMapping mapping, CommandConfig config) {
        this.link = link;
        this.loop = link.eventLoop();
        this.mapping = mapping;
        this.config = config;
        link.addObserver(this::onFrame);
        link.onClose(this::onLinkClosed);
    }

    /** Treats every vehicle as PX4 ({@link Px4CommandMapping}). */
    public MavlinkVehicleCommands(VehicleLink link, HomeAltitudes homes, CommandConfig config) {
        this(link, new Px4CommandMapping(homes), config);
    }

    /** Maps each vehicle's commands for the autopilot it reported ({@link AutopilotCommandMapping}). */
    public static MavlinkVehicleCommands forRegistry(VehicleLink link, VehicleRegistry registry, CommandConfig config) {
        return new MavlinkVehicleCommands(link, new AutopilotCommandMapping(registry), config);
    }

    @Override
    public CompletionStage<CommandOutcome> send(String vehicleId, VehicleCommand command,
                                                Consumer<CommandOutcome> progress) {
        return submit(vehicleId, () -> mapping.map(vehicleId, command), progress);
    }

    /**
     * Sends a command already in its wire form (a camera's or a gimbal's, whose encodings live with their own
     * protocol), with the same retransmissions, ack matching and one-in-flight-per-MAV_CMD line as every verb.
     */
    public CompletionStage<CommandOutcome> sendMavCommand(String vehicleId, MavCommand command) {
        return submit(vehicleId, () -> MappedCommand.of(command), p -> { });
    }

    private CompletionStage<CommandOutcome> submit(String vehicleId, java.util.function.Supplier<MappedCommand> command,
                                                   Consumer<CommandOutcome> progress) {
        CompletableFuture<CommandOutcome> done = new CompletableFuture<>();
        if (loop.inEventLoop()) {
            enqueue(vehicleId, command, progress, done);
        } else {
            try {
                loop.execute(() -> enqueue(vehicleId, command, progress, done));
            } catch (RejectedExecutionException e) {
                done.complete(new CommandOutcome(CommandResult.NOT_CONNECTED, CommandOutcome.NO_PROGRESS, 0,
                        "link shut down"));
            }
        }
        return done;
    }

    /** Commands in flight or waiting in line, for tests and metrics. Event loop only. */
    int pendingCount() {
        return inFlight.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    private void enqueue(String vehicleId, java.util.function.Supplier<MappedCommand> command, Consumer<CommandOutcome> progress,
                         CompletableFuture<CommandOutcome> done) {
        if (closed || link.systemIdOf(vehicleId) < 0) {
            done.complete(new CommandOutcome(CommandResult.NOT_CONNECTED, CommandOutcome.NO_PROGRESS, 0,
                    "vehicle " + vehicleId + " is not connected on this link"));
            return;
        }
        String claim = link.pendingClaimOf(vehicleId);
        if (claim != null) {
            done.complete(new CommandOutcome(CommandResult.NOT_CONNECTED, CommandOutcome.NO_PROGRESS, 0,
                    claimRefusal(vehicleId, claim)));
            return;
        }
        MappedCommand mapped = command.get();
        if (mapped.command() == null) {
            done.complete(new CommandOutcome(CommandResult.FAILED, CommandOutcome.NO_PROGRESS, 0, mapped.refusal()));
            return;
        }
        PendingCommand p = new PendingCommand(vehicleId, mapped.command(), done, progress);
        ArrayDeque<PendingCommand> line = inFlight.computeIfAbsent(
                new Key(vehicleId, mapped.command().commandId()), k -> new ArrayDeque<>());
        line.addLast(p);
        if (line.size() == 1) {
            transmit(p);
        }
    }

    /** Why nothing is sent while a link claim is pending, naming the claim and what settles it. */
    public static String claimRefusal(String vehicleId, String claimedPeer) {
        return "not sent: a link claim on " + vehicleId + " from " + claimedPeer + " is pending; an operator must confirm"
                + " it (ConfirmLinkClaim) before commands go to that address";
    }

    /** Everything in flight or in line ends NOT_CONNECTED: no ack can come any more. */
    private void onLinkClosed() {
        closed = true;
        for (ArrayDeque<PendingCommand> line : inFlight.values()) {
            for (PendingCommand p : line) {
                p.cancelTimer();
                p.done.complete(p.outcome(CommandResult.NOT_CONNECTED, "link closed"));
            }
        }
        inFlight.clear();
    }

    private void transmit(PendingCommand p) {
        int systemId = link.systemIdOf(p.vehicleId);
        Object payload = p.command.toPayload(systemId, Px4CommandMapping.TARGET_AUTOPILOT_COMPONENT, p.attempts);
        // Count and time the attempt before it leaves, so that however soon the ack comes it finds both.
        p.attempts++;
        p.timer = loop.schedule(() -> onAttemptTimeout(p), config.retryInterval().toNanos(), TimeUnit.NANOSECONDS);
        if (systemId < 0 || !link.send(p.vehicleId, payload)) {
            p.attempts--;
            finish(p, CommandResult.NOT_CONNECTED, "vehicle " + p.vehicleId + " left the link");
        }
    }

    private void onAttemptTimeout(PendingCommand p) {
        p.timer = null;
        if (p.attempts >= config.maxAttempts()) {
            finish(p, CommandResult.TIMED_OUT, "no COMMAND_ACK after " + p.attempts + " attempts");
        } else {
            transmit(p);
        }
    }

    private void onFrame(String vehicleId, MavlinkFrame frame) {
        if (!(frame.payload() instanceof CommandAck ack)
                || frame.componentId() != Px4CommandMapping.TARGET_AUTOPILOT_COMPONENT
                || !addressedToUs(ack)) {
            return;
        }
        ArrayDeque<PendingCommand> line = inFlight.get(new Key(vehicleId, ack.command().value()));
        PendingCommand p = line == null ? null : line.peekFirst();
        if (p == null) {
            return;
        }
        CommandResult result = MavResults.toResult(ack.result().value());
        int percent = MavResults.progressPercent(ack.progress());
        if (percent >= 0) {
            p.progressPercent = percent;
        }
        if (result == CommandResult.IN_PROGRESS) {
            onInProgress(p);
        } else {
            finish(p, result, "");
        }
    }

    private boolean addressedToUs(CommandAck ack) {
        // MAVLink 2 extension fields: zero when the autopilot does not fill them in.
        return (ack.targetSystem() == 0 || ack.targetSystem() == link.gcsSystemId())
                && (ack.targetComponent() == 0 || ack.targetComponent() == link.gcsComponentId());
    }

    private void onInProgress(PendingCommand p) {
        p.cancelTimer();
        p.inProgress = true;
        p.timer = loop.schedule(() -> {
            p.timer = null;
            finish(p, CommandResult.TIMED_OUT, "no COMMAND_ACK within " + config.inProgressTimeout().toMillis()
                    + " ms of the last IN_PROGRESS");
        }, config.inProgressTimeout().toNanos(), TimeUnit.NANOSECONDS);
        try {
            p.progress.accept(p.outcome(CommandResult.IN_PROGRESS, ""));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "progress listener failed for " + p.vehicleId, e);
        }
    }

    private void finish(PendingCommand p, CommandResult result, String detail) {
        p.cancelTimer();
        Key key = new Key(p.vehicleId, p.command.commandId());
        ArrayDeque<PendingCommand> line = inFlight.get(key);
        line.remove(p);
        if (line.isEmpty()) {
            inFlight.remove(key);
        }
        p.done.complete(p.outcome(result, detail));
        PendingCommand next = line.peekFirst();
        if (next != null) {
            transmit(next);
        }
    }
}
