package org.skyfleet.mavsdk;

import io.grpc.StatusRuntimeException;
import java.util.UUID;
import java.util.function.Supplier;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.proto.v1.SendCommandResponse;

/**
 * Every MAVSDK command as the caller: takes (or renews) the vehicle's control lease for the caller's token, then
 * sends through SkyFleet's SendCommand, where the lease, the geofence and altitude band, idempotence and the audit
 * apply exactly as for SkyFleet's own clients. The gateway adds no checks of its own and skips none.
 */
final class Governor {
    /** Long enough to fly a mission on; every command renews it. */
    static final int LEASE_TTL_S = 600;

    private final SkyfleetConnection skyfleet;
    private final String vehicleId;

    Governor(SkyfleetConnection skyfleet, String vehicleId) {
        this.skyfleet = skyfleet;
        this.vehicleId = vehicleId;
    }

    String vehicleId() {
        return vehicleId;
    }

    /** Takes or renews the lease for the caller; a refusal names the holder, as SkyFleet words it. */
    Outcome lease() {
        try {
            skyfleet.fleet(CallerToken.current()).acquireControl(AcquireControlRequest.newBuilder()
                    .setVehicleId(vehicleId).setTtlS(LEASE_TTL_S).build());
            return Outcome.success();
        } catch (StatusRuntimeException e) {
            return Outcome.of(e);
        }
    }

    /** @param command fills in the command itself (arm, takeoff...) on a request with id and vehicle set */
    Outcome command(java.util.function.UnaryOperator<SendCommandRequest.Builder> command) {
        Outcome lease = lease();
        if (!lease.ok()) {
            return lease;
        }
        try {
            SendCommandResponse r = skyfleet.fleet(CallerToken.current()).sendCommand(command.apply(SendCommandRequest.newBuilder()
                    .setCommandId("mavsdk-" + UUID.randomUUID()).setVehicleId(vehicleId)).build());
            return Outcome.of(r.getResult(), r.getDetail());
        } catch (StatusRuntimeException e) {
            return Outcome.of(e);
        }
    }

    /** Any other SkyFleet call made under the caller's lease (missions). */
    <T> Result<T> call(Supplier<T> rpc) {
        Outcome lease = lease();
        if (!lease.ok()) {
            return new Result<>(null, lease);
        }
        try {
            return new Result<>(rpc.get(), Outcome.success());
        } catch (StatusRuntimeException e) {
            return new Result<>(null, Outcome.of(e));
        }
    }

    record Result<T>(T value, Outcome outcome) {
    }
}
