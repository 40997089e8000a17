package org.skyfleet.server.mission;

import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionState;
import org.skyfleet.proto.v1.LaunchMissionsRequest;
import org.skyfleet.proto.v1.LaunchMissionsResponse;
import org.skyfleet.proto.v1.MissionLaunchResult;
import org.skyfleet.server.control.ControlProtoMapper;
import org.skyfleet.server.grpc.StatusMapping;

/**
 * A multi-vehicle plan launched at once: every mission goes through the same steps as one at a time
 * (upload with read-back, arm if asked, start), each under its own vehicle's lease, all side by side. A
 * step that fails ends that mission's launch with the reason a pilot reads; the other missions go on.
 * Why one call and not a loop in the client: the vehicles leave together, and one answer says which did not.
 */
final class MissionLaunch {
    static final int MAX_MISSIONS = 50;

    private final MissionControl control;

    MissionLaunch(MissionControl control) {
        this.control = control;
    }

    /** @throws IllegalArgumentException without mission ids, with too many, or with one named twice */
    CompletionStage<LaunchMissionsResponse> launch(Operator caller, LaunchMissionsRequest request) {
        List<String> ids = request.getMissionIdsList();
        if (ids.isEmpty() || ids.size() > MAX_MISSIONS) {
            throw new IllegalArgumentException("mission_ids: give 1.." + MAX_MISSIONS + " approved missions, got " + ids.size());
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException("mission_ids names a mission twice: " + ids);
        }
        List<CompletableFuture<MissionLaunchResult>> each = new ArrayList<>();
        for (String id : ids) {
            each.add(one(caller, id, request.getArmBeforeStart()).toCompletableFuture());
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(done -> {
            var b = LaunchMissionsResponse.newBuilder();
            each.forEach(f -> b.addResults(f.join()));
            return b.build();
        });
    }

    private CompletionStage<MissionLaunchResult> one(Operator caller, String id, boolean arm) {
        return step(() -> control.upload(caller, id)).thenCompose(m -> {
            if (m.state() != MissionState.UPLOADED) {
                String why = m.transitions().isEmpty() ? m.state().toString() : m.transitions().get(m.transitions().size() - 1).reason();
                return done(result(id, m, null, "FAILED_PRECONDITION", why));
            }
            CompletionStage<CommandOutcome> armed = arm ? step(() -> control.arm(caller, id))
                    : CompletableFuture.completedFuture(null);
            return armed.thenCompose(o -> {
                if (o != null && !o.accepted()) {
                    return done(result(id, control.find(id), o, "FAILED_PRECONDITION",
                            "the vehicle did not arm: " + o.result() + (o.detail() == null ? "" : " " + o.detail())));
                }
                return step(() -> control.start(caller, id)).thenApply(s -> s.command().accepted()
                        ? result(id, s.mission(), s.command(), "", "")
                        : result(id, s.mission(), s.command(), "FAILED_PRECONDITION", "the vehicle did not start: " + s.command().result()));
            });
        }).exceptionally(e -> {
            StatusRuntimeException s = StatusMapping.toStatus(e);
            Mission m = null;
            try {
                m = control.find(id);
            } catch (RuntimeException unknown) {
                // the id itself is what is wrong: the result says so without a mission
            }
            return result(id, m, null, s.getStatus().getCode().name(), String.valueOf(s.getStatus().getDescription()));
        });
    }

    /** Runs a step, turning what it throws before returning into a failed stage, so one path handles both. */
    private static <T> CompletionStage<T> step(java.util.function.Supplier<CompletionStage<T>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    private static MissionLaunchResult result(String id, Mission m, CommandOutcome command, String code, String refusal) {
        var b = MissionLaunchResult.newBuilder().setMissionId(id).setStarted(code.isEmpty())
                .setRefusalCode(code).setRefusal(refusal == null ? "" : refusal);
        if (m != null) {
            b.setVehicleId(m.vehicleId()).setMission(MissionProtoMapper.mission(m));
        }
        if (command != null) {
            b.setCommandResult(ControlProtoMapper.result(command.result()));
        }
        return b.build();
    }
}
