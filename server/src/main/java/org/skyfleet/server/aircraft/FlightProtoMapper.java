package org.skyfleet.server.aircraft;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.skyfleet.fleet.flightlog.FlightRecord;
import org.skyfleet.fleet.flightlog.FlightTotals;
import org.skyfleet.proto.v1.Flight;
import org.skyfleet.proto.v1.FlightEvent;
import org.skyfleet.proto.v1.FlightTotal;

/** Flights between the domain and the API. */
final class FlightProtoMapper {
    private FlightProtoMapper() {
    }

    static Flight flight(FlightRecord f) {
        Flight.Builder b = Flight.newBuilder().setFlightId(f.flightId()).setVehicleId(f.vehicleId()).setProfileId(f.profileId())
                .setBatteryPackId(f.packId()).setFlownBy(f.flownBy()).setMissionId(f.missionId()).setIncidentId(f.incidentId())
                .setTakeoff(timestamp(f.takeoffAt())).setLanding(timestamp(f.landingAt())).setDurationS(f.durationS())
                .setDistanceM(f.distanceM()).setMaxAltRelM(f.maxAltRelM())
                .setBatteryStartPercent(Double.isNaN(f.batteryStartPercent()) ? -1 : f.batteryStartPercent())
                .setBatteryEndPercent(Double.isNaN(f.batteryEndPercent()) ? -1 : f.batteryEndPercent()).setTrackPoints(f.track().size());
        f.events().forEach(e -> b.addEvents(FlightEvent.newBuilder().setTime(timestamp(e.at())).setKind(e.kind())
                .setMessage(e.message() == null ? "" : e.message())));
        return b.build();
    }

    static FlightTotal total(FlightTotals t) {
        return FlightTotal.newBuilder().setKey(t.key()).setFlights(t.flights()).setHours(t.hours()).setDistanceM(t.distanceM()).build();
    }

    static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    /** @throws IllegalArgumentException for a timestamp out of range */
    static Instant instant(Timestamp t, String field) {
        if (t.getNanos() < 0 || t.getNanos() > 999_999_999 || t.getSeconds() < -62_135_596_800L || t.getSeconds() > 253_402_300_799L) {
            throw new IllegalArgumentException(field + ": not a time (seconds 0001..9999, nanos 0..999999999)");
        }
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
