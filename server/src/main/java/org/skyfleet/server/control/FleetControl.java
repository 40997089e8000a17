package org.skyfleet.server.control;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.store.CommandRecord;
import org.skyfleet.fleet.store.CommandStore;
import org.skyfleet.fleet.battery.Grounding;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandVerb;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.CommandLedger;
import org.skyfleet.fleet.control.ControlLease;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.AcquireControlResponse;
import org.skyfleet.proto.v1.ControlChange;
import org.skyfleet.proto.v1.GetControlResponse;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.proto.v1.SendCommandResponse;
import org.skyfleet.proto.v1.TakeOverControlRequest;
import org.skyfleet.proto.v1.TakeOverControlResponse;

/**
 * Leases and commands at the gRPC edge: checks the caller, the lease, the airspace and the vehicle,
 * runs each command id once, and journals every attempt with its result.
 */
public final class FleetControl {
    private static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    private final VehicleRegistry vehicles;
    private final ControlLeases leases;
    private final VehicleCommands commands;
    private final CommandAirspaceCheck airspace;
    private final CommandLedger<CommandOutcome> ledger;
    private final AuditJournal audit;
    private final CommandStore answered;
    private final InstantSource clock;
    private final Duration ledgerRetention;
    private final Grounding grounding;

    /**
     * @param ledger   makes command ids idempotent; seeded here with the commands {@code answered} holds
     *                 from the ledger's retention, so a repeat after a restart is answered, not re-sent
     * @param answered where each command's outcome is kept before its caller is answered
     */
    public FleetControl(VehicleRegistry vehicles, ControlLeases leases, VehicleCommands commands,
                        CommandAirspaceCheck airspace, CommandLedger<CommandOutcome> ledger, AuditJournal audit,
                        CommandStore answered, InstantSource clock, Duration ledgerRetention) {
        this(vehicles, leases, commands, airspace, ledger, audit, answered, clock, ledgerRetention, Grounding.NONE);
    }

    /** @param grounding why a vehicle may not arm or take off now (a worn battery pack), checked before sending */
    public FleetControl(VehicleRegistry vehicles, ControlLeases leases, VehicleCommands commands,
                        CommandAirspaceCheck airspace, CommandLedger<CommandOutcome> ledger, AuditJournal audit,
                        CommandStore answered, InstantSource clock, Duration ledgerRetention, Grounding grounding) {
        this.grounding = grounding;
        this.vehicles = vehicles;
        this.leases = leases;
        this.commands = commands;
        this.airspace = airspace;
        this.ledger = ledger;
        this.audit = audit;
        this.answered = answered;
        this.clock = clock;
        this.ledgerRetention = ledgerRetention;
        for (CommandRecord c : answered.loadSince(clock.instant().minus(ledgerRetention))) {
            ledger.remember(c.commandId(), c.fingerprint(), c.outcome(), c.answeredAt());
        }
    }

    // Checks go who-may, then is-the-request-well-formed, then does-it-exist: a caller without the right
    // learns nothing about which vehicles exist, and a malformed request is named as such.

    public AcquireControlResponse acquire(Operator caller, AcquireControlRequest r) {
        if (!caller.role().mayCommand()) {
            throw denied(caller, "hold a control lease");
        }
        ttl(r.getTtlS());
        knownVehicle(r.getVehicleId());
        try {
            ControlLease l = leases.acquire(r.getVehicleId(), caller, ttl(r.getTtlS()));
            audit.append(caller.toString(), "lease acquire", r.getVehicleId(), "ttl " + ttl(r.getTtlS()).toSeconds() + " s", "ACQUIRED");
            return AcquireControlResponse.newBuilder().setLease(ControlProtoMapper.lease(l)).build();
        } catch (LeaseConflictException e) {
            audit.append(caller.toString(), "lease acquire", r.getVehicleId(), "", "FAILED_PRECONDITION: " + e.getMessage());
            throw e;
        }
    }

    public void release(Operator caller, String vehicleId) {
        knownVehicle(vehicleId);
        if (!leases.release(vehicleId, caller)) {
            throw Status.FAILED_PRECONDITION.withDescription(caller + " does not hold the lease of " + vehicleId)
                    .asRuntimeException();
        }
        audit.append(caller.toString(), "lease release", vehicleId, "", "RELEASED");
    }

    public TakeOverControlResponse takeOver(Operator caller, TakeOverControlRequest r) {
        if (!caller.role().mayTakeOver()) {
            throw denied(caller, "take a lease over (a commander may)");
        }
        if (r.getReason().isBlank()) {
            throw Status.INVALID_ARGUMENT.withDescription("reason is required: the previous holder is told it").asRuntimeException();
        }
        ttl(r.getTtlS());
        knownVehicle(r.getVehicleId());
        String previous = leases.current(r.getVehicleId()).map(l -> l.holder().subject()).orElse("");
        ControlLease l = leases.takeOver(r.getVehicleId(), caller, ttl(r.getTtlS()), r.getReason());
        audit.append(caller.toString(), "lease take-over", r.getVehicleId(), "from " + previous + ", reason: " + r.getReason(),
                "TAKEN_OVER");
        return TakeOverControlResponse.newBuilder().setLease(ControlProtoMapper.lease(l)).setPreviousHolderSubject(previous).build();
    }

    public GetControlResponse get(String vehicleId) {
        knownVehicle(vehicleId);
        GetControlResponse.Builder b = GetControlResponse.newBuilder();
        leases.current(vehicleId).ifPresent(l -> b.setLease(ControlProtoMapper.lease(l)));
        return b.build();
    }

    /** Streams lease changes until the client goes; the subscription is dropped at once on cancel. */
    public void streamChanges(Set<String> vehicleIds, StreamObserver<ControlChange> observer) {
        vehicleIds.forEach(this::knownVehicle);
        ServerCallStreamObserver<ControlChange> call = (ServerCallStreamObserver<ControlChange>) observer;
        AutoCloseable subscription = leases.subscribe(c -> {
            if (vehicleIds.isEmpty() || vehicleIds.contains(c.vehicleId())) {
                synchronized (call) {
                    if (!call.isCancelled()) {
                        call.onNext(ControlProtoMapper.change(c));
                    }
                }
            }
        });
        call.setOnCancelHandler(() -> {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // removing a listener does not fail
            }
        });
    }

    /**
     * Sends a command once per command id; completes with the vehicle's answer.
     *
     * @throws LeaseConflictException when the caller does not hold the vehicle's lease
     * @throws IllegalArgumentException for a command id reused for another command
     */
    public CompletionStage<SendCommandResponse> send(Operator caller, SendCommandRequest r) {
        VehicleCommand command = ControlProtoMapper.command(r);
        knownVehicle(r.getVehicleId());
        String fingerprint = r.getVehicleId() + " " + command;
        try {
            leases.requireHeldBy(r.getVehicleId(), caller);
        } catch (LeaseConflictException e) {
            audit.append(caller.toString(), "command " + command.verb(), r.getVehicleId(), "id " + r.getCommandId(),
                    "FAILED_PRECONDITION: " + e.getMessage());
            throw e;
        }
        Optional<String> grounded = command.verb() == CommandVerb.ARM || command.verb() == CommandVerb.TAKEOFF
                || command.verb() == CommandVerb.MISSION_START
                ? grounding.refusal(r.getVehicleId()) : Optional.empty();
        grounded.or(() -> airspace.refusal(command)).ifPresent(why -> {
            audit.append(caller.toString(), "command " + command.verb(), r.getVehicleId(), "id " + r.getCommandId(),
                    "FAILED_PRECONDITION: " + why);
            throw Status.FAILED_PRECONDITION.withDescription("refused before sending: " + why).asRuntimeException();
        });
        recallAnsweredElsewhere(r.getCommandId());
        return ledger.runOnce(r.getCommandId(), fingerprint, () -> commands.send(r.getCommandId(), r.getVehicleId(), command, p -> { })
                        .thenApply(o -> {
                            if (!neverSent(o)) { // a command that never left the ground may be retried under its id
                                answered.save(new CommandRecord(r.getCommandId(), fingerprint, o, clock.instant()));
                            }
                            audit.append(caller.toString(), "command " + command.verb(), r.getVehicleId(),
                                    "id " + r.getCommandId() + " " + command, o.result() + " after " + o.attempts() + " attempt(s)");
                            return o;
                        }))
                .thenApply(ControlProtoMapper::outcome);
    }

    /**
     * On a ledger miss, takes in the outcome another node sharing the store (or this one, before its ledger
     * forgot it) gave this id: the repeat is answered with it, not sent again. One keyed read per new id.
     */
    private void recallAnsweredElsewhere(String commandId) {
        if (commandId.isBlank() || ledger.holds(commandId)) {
            return;
        }
        answered.find(commandId).filter(c -> !c.answeredAt().isBefore(clock.instant().minus(ledgerRetention)))
                .ifPresent(c -> ledger.remember(c.commandId(), c.fingerprint(), c.outcome(), c.answeredAt()));
    }

    /** The vehicle had no link to send it on: nothing happened, so the same command id may run again. */
    public static boolean neverSent(CommandOutcome o) {
        return o.result() == org.skyfleet.fleet.command.CommandResult.NOT_CONNECTED;
    }

    /** Forgets lapsed leases, telling their holders; the server runs it every second. */
    public void expireLeases() {
        leases.expireDue().forEach(c -> audit.append("system", "lease expiry", c.vehicleId(),
                "held by " + c.previous(), "EXPIRED"));
    }

    private void knownVehicle(String vehicleId) {
        if (vehicleId == null || vehicleId.isBlank()) {
            throw Status.INVALID_ARGUMENT.withDescription("vehicle_id is required").asRuntimeException();
        }
        if (vehicles.find(vehicleId).isEmpty()) {
            throw Status.NOT_FOUND.withDescription("unknown vehicle '" + vehicleId + "'").asRuntimeException();
        }
    }

    private static Duration ttl(int seconds) {
        if (seconds == 0) {
            return DEFAULT_TTL;
        }
        if (seconds < 0 || seconds > ControlLeases.MAX_TTL.toSeconds()) {
            throw Status.INVALID_ARGUMENT.withDescription("ttl_s must be 1.." + ControlLeases.MAX_TTL.toSeconds() + ", got "
                    + Integer.toUnsignedString(seconds)).asRuntimeException();
        }
        return Duration.ofSeconds(seconds);
    }

    private static StatusRuntimeException denied(Operator caller, String what) {
        return Status.PERMISSION_DENIED.withDescription(caller + " may not " + what).asRuntimeException();
    }
}
