package org.skyfleet.fleet.geofence;

import org.skyfleet.fleet.testing.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.skyfleet.fleet.geofence.TestZones.squareExclusion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.FlightStatus;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.PositionSample;
import org.skyfleet.fleet.vehicle.SystemStatus;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;

class GeofenceMonitorTest {
    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final Geofences geofences = new Geofences(new InMemoryZoneStore());
    private final List<GeofenceEvent> events = new ArrayList<>();
    private final GeofenceMonitor monitor = new GeofenceMonitor(geofences::index, new BreachPredictor(), clock, events::add);

    {
        geofences.save(squareExclusion("sq", 300, 0, 100));  // west edge 200 m east of the origin
    }

    private static VehicleState flying(String id, double eastM, double vEastMps) {
        GeoPoint p = TestZones.at(eastM, 0);
        return new VehicleState(new VehicleIdentity(id, VehicleKind.MULTICOPTER, AutopilotKind.PX4, 1, "127.0.0.1:1"),
                new FlightStatus(LinkState.CONNECTED, T0, true, "MISSION", SystemStatus.ACTIVE, LandedState.IN_AIR),
                new PositionSample(p.latDeg(), p.lonDeg(), 80, 50, 0, vEastMps, 0, 90, T0),
                null, null, null, null, null, 1);
    }

    private List<GeofenceEventType> types() {
        return events.stream().map(GeofenceEvent::type).toList();
    }

    @Test
    void approachEnterAndLeaveEachReportedOnce() {
        monitor.onState(flying("d1", -100, 10));
        assertThat(events).as("30 s away, beyond the 20 s horizon").isEmpty();

        monitor.onState(flying("d1", 50, 10));
        monitor.onState(flying("d1", 60, 10));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(GeofenceEventType.PREDICTED_BREACH);
            assertThat(e.timeToBreachS()).isCloseTo(15, within(0.01));
            assertThat(e.distanceToBreachM()).isCloseTo(150, within(0.1));
            assertThat(e.zone().id()).isEqualTo("sq");
            assertThat(e.message()).contains("d1 will be inside no-fly zone 'no-fly sq' (sq) in 15.0 s (150 m)")
                    .contains("policy HOLD");
            assertThat(e.time()).isEqualTo(T0);
        });

        monitor.onState(flying("d1", 210, 10));
        monitor.onState(flying("d1", 220, 10));
        monitor.onState(flying("d1", 450, 10));
        monitor.onState(flying("d1", 460, 10));

        assertThat(types()).containsExactly(GeofenceEventType.PREDICTED_BREACH, GeofenceEventType.BREACH,
                GeofenceEventType.CLEARED);
        assertThat(events.get(1).reason()).isEqualTo(BreachReason.INSIDE_EXCLUSION);
        assertThat(events.get(1).message()).startsWith("d1 is inside no-fly zone 'no-fly sq' (sq) at 51.5");
        assertThat(events.get(2).message()).isEqualTo("d1 is no longer inside no-fly zone 'no-fly sq' (sq)");
    }

    @Test
    void stoppingShortWithdrawsThePrediction() {
        monitor.onState(flying("d1", 50, 10));
        monitor.onState(flying("d1", 150, 0));

        assertThat(types()).containsExactly(GeofenceEventType.PREDICTED_BREACH, GeofenceEventType.CLEARED);
        assertThat(events.get(1).message()).contains("no longer heading to be inside");
    }

    @Test
    void turningBackInAfterLeavingIsClearedThenPredicted() {
        monitor.onState(flying("d1", 250, 10));
        monitor.onState(flying("d1", 410, -10));

        assertThat(types()).containsExactly(GeofenceEventType.BREACH, GeofenceEventType.CLEARED,
                GeofenceEventType.PREDICTED_BREACH);
    }

    @Test
    void deletedZoneClearsOnTheNextUpdate() {
        monitor.onState(flying("d1", 250, 0));
        geofences.delete("sq");
        monitor.onState(flying("d1", 250, 0));

        assertThat(types()).containsExactly(GeofenceEventType.BREACH, GeofenceEventType.CLEARED);
    }

    @Test
    void zoneThatBecomesActiveIsABreachAtThatTime() {
        geofences.save(squareExclusion("sq", 300, 0, 100).withSchedule(new ZoneSchedule.Between(T0.plusSeconds(60), null)));
        monitor.onState(flying("d1", 250, 0));
        clock.advance(java.time.Duration.ofSeconds(60));
        monitor.onState(flying("d1", 250, 0));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(GeofenceEventType.BREACH);
            assertThat(e.time()).isEqualTo(T0.plusSeconds(60));
        });
    }

    @Test
    void vehiclesAreTrackedApartAndForgottenSilently() {
        monitor.onState(flying("d1", 250, 0));
        monitor.onState(flying("d2", 250, 0));
        monitor.forget("d1");
        monitor.onState(flying("d1", 250, 0));
        monitor.onState(flying("d2", 250, 0));

        assertThat(events).extracting(GeofenceEvent::vehicleId).containsExactly("d1", "d2", "d1");
    }

    @Test
    void stateWithoutPositionIsIgnored() {
        monitor.onState(flying("d1", 250, 0).withPosition(null));
        assertThat(events).isEmpty();
    }
}
