package org.skyfleet.server.mission;

import io.dronefleet.mavlink.common.MissionCurrent;
import io.dronefleet.mavlink.common.MissionItemReached;
import io.grpc.Status;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.MissionContentHash;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionTransfer;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionBook;
import org.skyfleet.fleet.mission.MissionState;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.planner.export.MavlinkMissionExport;
import org.skyfleet.telemetry.link.FrameObserver;

/**
 * The mission lifecycle against real vehicles: creates drafts from planned routes, uploads with the
 * MAVLink mission protocol and reads back to prove what flies is what was approved, starts, pauses,
 * resumes and aborts through the autopilot, and follows progress from what the vehicle reports.
 * Every transition is journaled with who caused it and why.
 */
public final class MissionControl {
    static final int TRANSFER_ATTEMPTS = 3;

    private final VehicleRegistry vehicles;
    private final ControlLeases leases;
    private final VehicleCommands commands;
    private final MissionTransfer transfer;
    private final MissionBook book;
    private final AuditJournal audit;
    private final InstantSource clock;
    private final org.skyfleet.fleet.battery.Grounding grounding;

    public MissionControl(VehicleRegistry vehicles, ControlLeases leases, VehicleCommands commands, MissionTransfer transfer,
                          MissionBook book, AuditJournal audit, InstantSource clock) {
        this(vehicles, leases, commands, transfer, book, audit, clock, org.skyfleet.fleet.battery.Grounding.NONE);
    }

    /** @param grounding why a vehicle may not start a mission now (a worn battery pack) */
    public MissionControl(VehicleRegistry vehicles, ControlLeases leases, VehicleCommands commands, MissionTransfer transfer,
                          MissionBook book, AuditJournal audit, InstantSource clock, org.skyfleet.fleet.battery.Grounding grounding) {
        this.grounding = grounding;
        this.vehicles = vehicles;
        this.leases = leases;
        this.commands = commands;
        this.transfer = transfer;
        this.book = book;
        this.audit = audit;
        this.clock = clock;
    }

    public MissionBook book() {
        return book;
    }

    public Mission create(Operator caller, String vehicleId, org.skyfleet.planner.VehicleRoute route, double cruiseSpeedMps) {
        if (vehicles.find(vehicleId).isEmpty()) {
            throw Status.NOT_FOUND.withDescription("unknown vehicle '" + vehicleId + "'").asRuntimeException();
        }
        if (!(cruiseSpeedMps > 0)) {
            throw Status.INVALID_ARGUMENT.withDescription("cruise_speed_m_s must be > 0").asRuntimeException();
        }
        List<MissionItem> items = MavlinkMissionExport.items(route, cruiseSpeedMps).stream()
                .map(i -> new MissionItem(i.frame(), i.command(), i.param1(), i.param2(), i.param3(), i.param4(),
                        i.xDegE7(), i.yDegE7(), i.zM(), i.autocontinue())).toList();
        Mission m = new Mission("m-" + UUID.randomUUID().toString().substring(0, 8), vehicleId, items,
                MissionContentHash.of(MissionType.MISSION, items), cruiseSpeedMps, MissionState.DRAFT, List.of(), -1, -1);
        book.add(m);
        audit.append(caller.toString(), "mission create", vehicleId, m.missionId() + ", " + items.size() + " items, sha256 "
                + m.contentHash().sha256Hex(), "DRAFT");
        return m;
    }

    public Mission approve(Operator caller, String missionId) {
        return approve(caller, missionId, "");
    }

    /** @param reason recorded with the transition; empty: "approved" */
    public Mission approve(Operator caller, String missionId, String reason) {
        if (caller.role() != Operator.Role.PILOT && caller.role() != Operator.Role.AUTOMATION && !caller.role().mayTakeOver()) {
            throw Status.PERMISSION_DENIED.withDescription(caller + " may not approve missions").asRuntimeException();
        }
        return move(caller.toString(), missionId, MissionState.APPROVED, reason == null || reason.isBlank() ? "approved" : reason);
    }

    /** Uploads, reads back, compares hashes; completes with the mission as it ends up (UPLOADED or FAILED). */
    public CompletionStage<Mission> upload(Operator caller, String missionId) {
        Mission m = holdingLease(caller, missionId);
        move(caller.toString(), missionId, MissionState.UPLOADING, "");
        return retried(m, "upload", () -> transfer.upload(m.vehicleId(), MissionType.MISSION, m.items()), 1).thenCompose(up -> {
            if (!up.completed()) {
                return CompletableFuture.completedFuture(fail(missionId, "upload failed: " + up.status()
                        + (up.vehicleResult() == null ? "" : " " + up.vehicleResult()) + " " + up.detail()));
            }
            return retried(m, "read-back", () -> transfer.download(m.vehicleId(), MissionType.MISSION), 1).thenApply(down -> {
                if (!down.completed()) {
                    return fail(missionId, "read-back failed: " + down.status() + " " + down.detail());
                }
                MissionContentHash onVehicle = MissionContentHash.of(MissionType.MISSION, down.items());
                if (!onVehicle.equals(m.contentHash())) {
                    return fail(missionId, "read-back differs from the approved mission: vehicle has sha256 "
                            + onVehicle.sha256Hex() + ", approved " + m.contentHash().sha256Hex());
                }
                return move("system", missionId, MissionState.UPLOADED, "read back " + down.items().size()
                        + " items, hash matches (" + up.attempts() + " attempts, " + up.retransmissions() + " retransmissions)");
            });
        });
    }

    /**
     * One transfer, started again from the beginning when it timed out: over a lossy radio both ends
     * can give up on a transfer, and a fresh one usually goes through. A refusal is final.
     */
    private CompletionStage<org.skyfleet.fleet.command.TransferOutcome> retried(
            Mission m, String what, java.util.function.Supplier<CompletionStage<org.skyfleet.fleet.command.TransferOutcome>> transferOnce,
            int attempt) {
        return transferOnce.get().thenCompose(t -> {
            if (t.status() != org.skyfleet.fleet.command.TransferStatus.TIMED_OUT || attempt >= TRANSFER_ATTEMPTS) {
                return CompletableFuture.completedFuture(t);
            }
            audit.append("system", "mission " + what + " retry", m.vehicleId(), m.missionId() + ": attempt " + attempt
                    + " timed out (" + t.detail() + ")", "RETRYING");
            return retried(m, what, transferOnce, attempt + 1);
        });
    }

    /** @throws IllegalStateException when the vehicle is grounded (a worn battery pack), with the reason */
    public CompletionStage<CommandAndMission> start(Operator caller, String missionId) {
        Mission m = find(missionId);
        grounding.refusal(m.vehicleId()).ifPresent(why -> {
            audit.append(caller.toString(), "mission start", m.vehicleId(), missionId, "FAILED_PRECONDITION: " + why);
            throw new IllegalStateException("mission " + missionId + " not started: " + why);
        });
        return act(caller, missionId, MissionState.UPLOADED, MissionState.FLYING, VehicleCommand.missionStart(), "");
    }

    /**
     * Arms the vehicle of an uploaded mission, for a launch that starts it next ({@link MissionLaunch}): the
     * same lease and grounding checks as the start, journaled as the mission's.
     *
     * @throws LeaseConflictException when the caller does not hold the vehicle's lease
     * @throws IllegalStateException when the mission is not UPLOADED or the vehicle is grounded
     */
    public CompletionStage<CommandOutcome> arm(Operator caller, String missionId) {
        Mission m = holdingLease(caller, missionId);
        if (m.state() != MissionState.UPLOADED) {
            throw Status.FAILED_PRECONDITION.withDescription("mission " + missionId + " is " + m.state() + ", not UPLOADED: nothing to arm for")
                    .asRuntimeException();
        }
        grounding.refusal(m.vehicleId()).ifPresent(why -> {
            throw new IllegalStateException("vehicle " + m.vehicleId() + " not armed: " + why);
        });
        return commands.send(m.vehicleId(), VehicleCommand.arm(), o -> { }).thenApply(o -> {
            audit.append(caller.toString(), "mission arm", m.vehicleId(), missionId, o.result().toString());
            return o;
        });
    }

    public CompletionStage<CommandAndMission> pause(Operator caller, String missionId) {
        return act(caller, missionId, MissionState.FLYING, MissionState.PAUSED, VehicleCommand.missionPause(), "");
    }

    public CompletionStage<CommandAndMission> resume(Operator caller, String missionId) {
        return act(caller, missionId, MissionState.PAUSED, MissionState.FLYING, VehicleCommand.missionResume(), "");
    }

    /** Ends the mission and sends the vehicle home; a draft or approved mission just ends. */
    public CompletionStage<CommandAndMission> abort(Operator caller, String missionId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw Status.INVALID_ARGUMENT.withDescription("an abort needs a reason").asRuntimeException();
        }
        Mission m = find(missionId);
        if (!m.state().isActive()) {
            return CompletableFuture.completedFuture(new CommandAndMission(null, move(caller.toString(), missionId,
                    MissionState.ABORTED, reason)));
        }
        return act(caller, missionId, m.state(), MissionState.ABORTED, VehicleCommand.returnToLaunch(), reason);
    }

    /**
     * Ends a flying mission without sending the vehicle home, because the lease holder has given it another
     * job (an orbit over a found subject): FLYING or PAUSED becomes ABORTED with the reason.
     */
    public Mission supersede(Operator caller, String missionId, String reason) {
        Mission m = holdingLease(caller, missionId);
        if (!m.state().isActive()) {
            throw Status.FAILED_PRECONDITION.withDescription("mission " + missionId + " is " + m.state() + ", not flying")
                    .asRuntimeException();
        }
        return move(caller.toString(), missionId, MissionState.ABORTED, reason);
    }

    /**
     * The links' observer: picks the vehicles' MISSION_CURRENT and MISSION_ITEM_REACHED out of the frames on
     * the link's thread and follows them on {@code progress}, one thread in arrival order, because following
     * them writes the store and a link thread must never wait on a database.
     */
    public FrameObserver progressObserver(Executor progress) {
        return (vehicleId, frame) -> {
            Object p = frame.payload();
            if (p instanceof MissionCurrent || p instanceof MissionItemReached) {
                progress.execute(() -> onProgress(vehicleId, p));
            }
        };
    }

    /** Follows progress from the vehicle's own reports (a MISSION_CURRENT or MISSION_ITEM_REACHED payload). */
    void onProgress(String vehicleId, Object p) {
        book.activeOf(vehicleId).ifPresent(m -> {
            if (p instanceof MissionCurrent c) {
                book.update(m.missionId(), x -> c.seq() == x.currentSeq() ? x : x.withProgress(c.seq(), x.reachedSeq()));
            } else if (p instanceof MissionItemReached r && r.seq() > m.reachedSeq()) {
                Mission after = book.update(m.missionId(), x -> x.withProgress(Math.max(x.currentSeq(), r.seq()), r.seq()));
                if (r.seq() == after.items().size() - 1 && after.state() == MissionState.FLYING) {
                    move("vehicle", m.missionId(), MissionState.COMPLETED, "last item reached");
                }
            }
        });
    }

    /** The vehicle's answer to a lifecycle command, with the mission after it. */
    public record CommandAndMission(CommandOutcome command, Mission mission) {
    }

    private CompletionStage<CommandAndMission> act(Operator caller, String missionId, MissionState from, MissionState to,
                                                  VehicleCommand command, String reason) {
        Mission m = holdingLease(caller, missionId);
        if (m.state() != from || !from.mayBecome(to)) {
            throw Status.FAILED_PRECONDITION.withDescription("mission " + missionId + " is " + m.state() + " and cannot become "
                    + to).asRuntimeException();
        }
        if (to == MissionState.FLYING && from == MissionState.UPLOADED && book.activeOf(m.vehicleId()).isPresent()) {
            throw Status.FAILED_PRECONDITION.withDescription("vehicle " + m.vehicleId() + " is already flying mission "
                    + book.activeOf(m.vehicleId()).get().missionId()).asRuntimeException();
        }
        return commands.send(m.vehicleId(), command, o -> { }).thenApply(o -> {
            audit.append(caller.toString(), "mission " + command.verb(), m.vehicleId(), missionId, o.result().toString());
            Mission after = o.accepted() ? move(caller.toString(), missionId, to, reason) : find(missionId);
            return new CommandAndMission(o, after);
        });
    }

    /** @throws LeaseConflictException when the caller does not hold the mission's vehicle's lease */
    private Mission holdingLease(Operator caller, String missionId) {
        Mission m = find(missionId);
        leases.requireHeldBy(m.vehicleId(), caller);
        return m;
    }

    Mission find(String missionId) {
        if (missionId.isBlank()) {
            throw Status.INVALID_ARGUMENT.withDescription("mission_id is required").asRuntimeException();
        }
        return book.find(missionId).orElseThrow(() -> Status.NOT_FOUND.withDescription("unknown mission '" + missionId + "'")
                .asRuntimeException());
    }

    private Mission fail(String missionId, String reason) {
        return move("system", missionId, MissionState.FAILED, reason);
    }

    private Mission move(String actor, String missionId, MissionState to, String reason) {
        find(missionId);
        // a transition the lifecycle does not allow throws IllegalStateException naming the state: FAILED_PRECONDITION
        Mission after = book.update(missionId, m -> m.moveTo(to, clock.instant(), actor, reason));
        audit.append(actor, "mission " + to.name().toLowerCase(), after.vehicleId(), missionId + (reason.isEmpty() ? "" : ": " + reason),
                to.name());
        return after;
    }
}
