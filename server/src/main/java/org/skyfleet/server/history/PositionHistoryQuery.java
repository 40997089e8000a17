package org.skyfleet.server.history;

import io.grpc.Status;
import java.time.Instant;
import java.util.List;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.fleet.store.PositionHistoryStore;
import org.skyfleet.fleet.store.PositionSample;
import org.skyfleet.proto.v1.GetPositionHistoryRequest;
import org.skyfleet.proto.v1.GetPositionHistoryResponse;
import org.skyfleet.proto.v1.PositionHistorySample;
import org.skyfleet.server.grpc.Permissions;
import org.skyfleet.server.grpc.ProtoMapper;

/** Answers GetPositionHistory from the store: who may ask, what a valid question is, and the samples. */
public final class PositionHistoryQuery {
    static final int DEFAULT_MAX_SAMPLES = 10_000;
    static final int MAX_SAMPLES = 100_000;

    private final PositionHistoryStore history;

    public PositionHistoryQuery(PositionHistoryStore history) {
        this.history = history;
    }

    /** Permission, then arguments, then the store: a refused caller learns nothing about the vehicle. */
    public GetPositionHistoryResponse answer(GetPositionHistoryRequest request) {
        Permissions.require("read position history", Role.PILOT, Role.COMMANDER, Role.DISPATCHER, Role.AUTOMATION);
        String vehicleId = request.getVehicleId();
        if (vehicleId.isBlank()) {
            throw invalid("vehicle_id is required");
        }
        if (vehicleId.length() > 128) {
            throw invalid("vehicle_id '" + vehicleId.substring(0, 32) + "...' is longer than 128 characters");
        }
        if (!request.hasFrom() || !request.hasTo()) {
            throw invalid("from and to are required");
        }
        Instant from = ProtoMapper.instant(request.getFrom());
        Instant to = ProtoMapper.instant(request.getTo());
        if (!to.isAfter(from)) {
            throw invalid("to (" + to + ") must be after from (" + from + ")");
        }
        int max = request.getMaxSamples() == 0 ? DEFAULT_MAX_SAMPLES : request.getMaxSamples();
        if (max < 0 || max > MAX_SAMPLES) {
            throw invalid("max_samples must be 0..." + MAX_SAMPLES + ", got " + Integer.toUnsignedString(request.getMaxSamples()));
        }
        List<PositionSample> samples = history.replay(vehicleId, from, to);
        GetPositionHistoryResponse.Builder out = GetPositionHistoryResponse.newBuilder()
                .setTruncated(samples.size() > max);
        for (PositionSample s : samples.subList(0, Math.min(max, samples.size()))) {
            out.addSamples(PositionHistorySample.newBuilder().setTime(ProtoMapper.timestamp(s.time()))
                    .setLatDeg(s.latDeg()).setLonDeg(s.lonDeg()).setAltAmslM(s.altAmslM()));
        }
        return out.build();
    }

    private static RuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }
}
