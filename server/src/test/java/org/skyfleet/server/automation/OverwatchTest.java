package org.skyfleet.server.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.CommandVerb;
import org.skyfleet.fleet.command.ScriptedVehicleCommands;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.event.VehicleHealthRules;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.NewIncident;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.mission.MissionBook;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.BatterySample;
import org.skyfleet.fleet.vehicle.FlightStatus;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.PositionSample;
import org.skyfleet.fleet.vehicle.SystemStatus;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.telemetry.bus.InProcessFleetBus;

/**
 * A drone circling a found subject keeps circling as the subject moves, and when its battery runs low
 * another drone flies out, takes up the orbit, and only then is the first sent home.
 */
class OverwatchTest {
    private static final GeoPoint SUBJECT = new GeoPoint(53.3924, -1.8632);
    private final Instant now = Instant.parse("2026-11-23T22:30:00Z");
    private final InstantSource clock = () -> now;
    private final VehicleRegistry registry = new VehicleRegistry(new InProcessFleetBus(), VehicleHealthRules.defaults());
    private final ScriptedVehicleCommands commands = new ScriptedVehicleCommands().connect("orbiter").connect("relief");
    private final ControlLeases leases = new ControlLeases(clock);
    private final IncidentBook incidents = new IncidentBook(clock);
    private final SearchProfile profile = SearchProfile.defaults();
    private final Overwatch overwatch = new Overwatch(registry, commands, leases, incidents, new AuditJournal(clock), profile,
            new FreeDrones(registry, leases, new MissionBook(), profile, SearchAutomation.OPERATOR));

    private void drone(String id, GeoPoint at, double altM, double batteryPercent, boolean flying) {
        VehicleState s = new VehicleState(new VehicleIdentity(id, VehicleKind.MULTICOPTER, AutopilotKind.PX4, id.length(), "peer"),
                new FlightStatus(LinkState.CONNECTED, now, flying, flying ? "ORBIT" : "HOLD", SystemStatus.ACTIVE,
                        flying ? LandedState.IN_AIR : LandedState.ON_GROUND),
                new PositionSample(at.latDeg(), at.lonDeg(), 300 + altM, altM, 0, 0, 0, 0, now), null,
                new BatterySample(batteryPercent, 15.2, 10, now), null, null, null, 0);
        if (registry.find(id).isPresent()) {
            registry.update(id, x -> s, now);
        } else {
            registry.register(s, now);
        }
    }

    private List<VehicleCommand> sentTo(String id) {
        return commands.sent().stream().filter(s -> s.vehicleId().equals(id)).map(ScriptedVehicleCommands.Sent::command).toList();
    }

    @Test
    void theOrbitFollowsTheSubjectAndALowDroneIsRelievedBeforeItLeaves() {
        String incident = incidents.create(new NewIncident("", IncidentType.OTHER, IncidentPriority.P1, SUBJECT, "man",
                null, null), "test").incident().incidentId();
        drone("orbiter", SUBJECT, 60, 70, true);
        drone("relief", new GeoPoint(53.385, -1.873), 0, 95, false);

        overwatch.start(incident, "trk-1", "orbiter", SUBJECT);
        assertThat(sentTo("orbiter")).extracting(VehicleCommand::verb).containsExactly(CommandVerb.ORBIT);
        assertThat(leases.current("orbiter")).hasValueSatisfying(l -> assertThat(l.holder()).isEqualTo(SearchAutomation.OPERATOR));

        // The subject walks 50 m north: the orbit's centre follows; 5 m more is not worth a new command.
        GeoPoint moved = new GeoPoint(SUBJECT.latDeg() + 50 / 111_195.0, SUBJECT.lonDeg());
        overwatch.move("trk-1", moved);
        overwatch.tick(Set.of());
        overwatch.move("trk-1", new GeoPoint(moved.latDeg() + 5 / 111_195.0, moved.lonDeg()));
        overwatch.tick(Set.of());
        assertThat(sentTo("orbiter")).hasSize(2);
        assertThat(sentTo("orbiter").get(1).latDeg()).isCloseTo(moved.latDeg(), org.assertj.core.data.Offset.offset(1e-7));

        // Battery low: the relief is armed, takes off and flies out; the orbiter stays until it is there.
        drone("orbiter", moved, 60, profile.handoverPercent() - 1, true);
        overwatch.tick(Set.of());
        assertThat(sentTo("relief")).extracting(VehicleCommand::verb)
                .containsExactly(CommandVerb.ARM, CommandVerb.TAKEOFF, CommandVerb.GOTO);
        assertThat(sentTo("orbiter")).extracting(VehicleCommand::verb).doesNotContain(CommandVerb.RETURN_TO_LAUNCH);

        drone("relief", moved, 70, 90, true);
        overwatch.tick(Set.of());
        assertThat(sentTo("relief")).extracting(VehicleCommand::verb).endsWith(CommandVerb.ORBIT);
        assertThat(sentTo("orbiter")).extracting(VehicleCommand::verb).endsWith(CommandVerb.RETURN_TO_LAUNCH);
        assertThat(leases.current("orbiter")).isEmpty();
        assertThat(incidents.get(incident).timeline()).extracting(TimelineEntry::kind)
                .contains(TimelineKind.DRONE_ORBITING, TimelineKind.DRONE_HANDOVER);

        // The officer is with him: the relief goes home too.
        overwatch.stop("trk-1", "officer-1 is with the subject");
        assertThat(sentTo("relief")).extracting(VehicleCommand::verb).endsWith(CommandVerb.RETURN_TO_LAUNCH);
        assertThat(overwatch.vehicles()).isEmpty();
    }
}
