package org.skyfleet.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.event.EventSeverity;
import org.skyfleet.fleet.event.EventType;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.BatterySample;
import org.skyfleet.fleet.vehicle.FlightStatus;
import org.skyfleet.fleet.vehicle.GpsFix;
import org.skyfleet.fleet.vehicle.GpsSample;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.SystemStatus;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.proto.v1.StreamVehicleStatesResponse;

/** The mapper relies on domain and proto enums sharing their order: every value must land on its namesake. */
class ProtoMapperTest {
    private static final Instant T = Instant.parse("2026-11-23T22:00:00Z");

    private static VehicleState state(SystemStatus status, LandedState landed, GpsFix fix) {
        return new VehicleState(new VehicleIdentity("v", VehicleKind.GROUND_ROVER, AutopilotKind.ARDUPILOT, 3, "h:1"),
                new FlightStatus(LinkState.LOST, T, false, "HOLD", status, landed), null, null,
                new BatterySample(55, 15.1, 2, T.minusMillis(1500)), new GpsSample(fix, 7, 1.1, T), null, null, 9);
    }

    @Test
    void everyEnumValueMapsToTheProtoValueOfTheSameName() {
        for (SystemStatus s : SystemStatus.values()) {
            var p = ProtoMapper.toProto(state(s, LandedState.UNKNOWN, GpsFix.UNKNOWN), T);
            assertThat(p.getSystemStatus().name()).isEqualTo(s == SystemStatus.UNKNOWN ? "SYSTEM_STATUS_UNSPECIFIED" : "SYSTEM_STATUS_" + s.name());
        }
        for (LandedState l : LandedState.values()) {
            var p = ProtoMapper.toProto(state(SystemStatus.ACTIVE, l, GpsFix.UNKNOWN), T);
            assertThat(p.getLandedState().name()).isEqualTo(l == LandedState.UNKNOWN ? "LANDED_STATE_UNSPECIFIED" : "LANDED_STATE_" + l.name());
        }
        for (GpsFix f : GpsFix.values()) {
            var p = ProtoMapper.toProto(state(SystemStatus.ACTIVE, LandedState.UNKNOWN, f), T);
            assertThat(p.getGps().getFixType().name()).isEqualTo(f == GpsFix.UNKNOWN ? "GPS_FIX_TYPE_UNSPECIFIED" : "GPS_FIX_TYPE_" + f.name());
        }
        for (EventType t : EventType.values()) {
            for (EventSeverity sev : EventSeverity.values()) {
                var p = ProtoMapper.toProto(new VehicleEvent("v", t, sev, "m", T, 1));
                assertThat(p.getType().name()).isEqualTo("EVENT_TYPE_" + t.name());
                assertThat(p.getSeverity().name()).isEqualTo("EVENT_SEVERITY_" + sev.name());
            }
        }
    }

    @Test
    void agesAreMeasuredAgainstTheEncodingInstantAndAbsentPartsStayUnset() throws Exception {
        var p = ProtoMapper.toProto(state(SystemStatus.ACTIVE, LandedState.ON_GROUND, GpsFix.FIX_3D), T);
        assertThat(p.getBattery().getAgeMs()).isEqualTo(1500);
        assertThat(p.getGps().getAgeMs()).isZero();
        assertThat(p.hasPosition()).isFalse();
        assertThat(p.getVersion()).isEqualTo(9);
    }

    @Test
    void preSerializedBatchesParseAsTheRealMessageWithTheSkippedCountAppended() throws Exception {
        byte[] prefix = TelemetryGrpcService.encodeState(state(SystemStatus.ACTIVE, LandedState.ON_GROUND, GpsFix.FIX_3D), () -> T);

        StreamVehicleStatesResponse plain = StreamVehicleStatesResponse.parseFrom(PreSerialized.batch(List.of(prefix), 0));
        StreamVehicleStatesResponse batch = StreamVehicleStatesResponse.parseFrom(
                PreSerialized.batch(List.of(prefix, prefix, prefix), 300));

        assertThat(plain.getStatesList()).singleElement().extracting(s -> s.getVehicleId()).isEqualTo("v");
        assertThat(plain.getSkippedUpdates()).isZero();
        assertThat(batch.getStatesList()).hasSize(3).allSatisfy(s -> assertThat(s).isEqualTo(plain.getStates(0)));
        assertThat(batch.getSkippedUpdates()).isEqualTo(300);
    }
}
