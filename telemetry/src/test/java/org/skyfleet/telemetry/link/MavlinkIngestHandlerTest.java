package org.skyfleet.telemetry.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.common.MavSeverity;
import io.dronefleet.mavlink.common.RequestDataStream;
import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavType;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.event.EventType;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.telemetry.mavlink.TestFrames;

class MavlinkIngestHandlerTest {
    private static final InetSocketAddress DRONE = new InetSocketAddress("10.0.0.7", 14_580);
    private static final InetSocketAddress ROVER = new InetSocketAddress("10.0.0.8", 14_581);
    private static final InetSocketAddress SPOOFER = new InetSocketAddress("10.6.6.6", 14_580);

    private final LinkHarness link = new LinkHarness();
    private int seq;

    private byte[] px4Heartbeat(int sysId) {
        return TestFrames.v2(sysId, 1, seq++, TestFrames.heartbeat(MavType.MAV_TYPE_QUADROTOR, MavAutopilot.MAV_AUTOPILOT_PX4, true));
    }

    private VehicleState vehicle(String id) {
        return link.registry.find(id).orElseThrow();
    }

    @Test
    void firstHeartbeatDiscoversTheVehicleAndAsksForItsStreams() {
        link.feed(DRONE, px4Heartbeat(7));

        VehicleState v = vehicle("mav-test-7");
        assertThat(v.identity().kind()).isEqualTo(VehicleKind.MULTICOPTER);
        assertThat(v.identity().autopilot()).isEqualTo(AutopilotKind.PX4);
        assertThat(v.identity().linkPeer()).isEqualTo("10.0.0.7:14580");
        assertThat(v.status().armed()).isTrue();
        assertThat(v.status().flightMode()).isEqualTo("MISSION");
        assertThat(link.events).extracting(e -> e.type()).containsExactly(EventType.VEHICLE_DISCOVERED);
        List<LinkHarness.Sent> sent = link.drainSent();
        assertThat(sent).allSatisfy(s -> assertThat(s.to()).isEqualTo(DRONE));
        assertThat(sent).map(LinkHarness.Sent::payload).filteredOn(CommandLong.class::isInstance)
                .map(p -> (CommandLong) p)
                .filteredOn(c -> c.command().entry() != MavCmd.MAV_CMD_REQUEST_MESSAGE)
                .allSatisfy(c -> {
                    assertThat(c.command().entry()).isEqualTo(MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL);
                    assertThat(c.targetSystem()).isEqualTo(7);
                })
                .extracting(c -> (int) c.param1()).contains(33, 30, 1, 24, 74, 245);
    }

    @Test
    void telemetryIsConvertedToDegreesMetresAndStampedWithItsArrival() {
        link.feed(DRONE, px4Heartbeat(7));
        link.advance(Duration.ofMillis(250));
        link.feed(DRONE, TestFrames.v2(7, 1, seq++, TestFrames.position(515_034_567, -1_276_543, 145_250, 60_000)));

        var p = vehicle("mav-test-7").position();
        assertThat(p.latDeg()).isEqualTo(51.5034567);
        assertThat(p.lonDeg()).isEqualTo(-0.1276543);
        assertThat(p.altAmslM()).isEqualTo(145.25);
        assertThat(p.altRelM()).isEqualTo(60.0);
        assertThat(p.vNorthMps()).isEqualTo(1.2);
        assertThat(p.headingDeg()).isEqualTo(90.0);
        assertThat(p.receivedAt()).isEqualTo(link.now());
    }

    @Test
    void linkIsLostJustAfterTheTimeoutAndRestoredByTheNextHeartbeat() {
        link.feed(DRONE, px4Heartbeat(7));
        link.drainSent();

        link.advance(Duration.ofMillis(2_900));
        assertThat(vehicle("mav-test-7").status().linkState()).isEqualTo(LinkState.CONNECTED);
        link.advance(Duration.ofMillis(200));
        assertThat(vehicle("mav-test-7").status().linkState()).isEqualTo(LinkState.LOST);

        link.feed(DRONE, px4Heartbeat(7));
        assertThat(vehicle("mav-test-7").status().linkState()).isEqualTo(LinkState.CONNECTED);
        assertThat(link.events).extracting(e -> e.type())
                .containsExactly(EventType.VEHICLE_DISCOVERED, EventType.LINK_LOST, EventType.LINK_RESTORED);
        // A vehicle back from a lost link may have rebooted: its streams are asked for again.
        assertThat(link.drainSent()).map(LinkHarness.Sent::payload).hasAtLeastOneElementOfType(CommandLong.class);
    }

    @Test
    void vehicleThatDoesNotAcknowledgeIntervalsGetsLegacyDataStreamRequests() {
        link.feed(ROVER, TestFrames.v2(3, 1, seq++,
                TestFrames.heartbeat(MavType.MAV_TYPE_GROUND_ROVER, MavAutopilot.MAV_AUTOPILOT_ARDUPILOTMEGA, false)));
        link.drainSent();

        link.advance(Duration.ofMillis(900));
        assertThat(link.drainSent()).map(LinkHarness.Sent::payload).noneMatch(RequestDataStream.class::isInstance);
        link.advance(Duration.ofMillis(200));

        assertThat(link.drainSent()).map(LinkHarness.Sent::payload).filteredOn(RequestDataStream.class::isInstance)
                .map(p -> ((RequestDataStream) p).reqStreamId()).containsExactlyInAnyOrder(2, 6, 10, 11, 12);
    }

    @Test
    void vehicleThatAcceptsIntervalsIsNotAskedTheLegacyWay() {
        link.feed(DRONE, px4Heartbeat(7));
        link.feed(DRONE, TestFrames.v2(7, 1, seq++, CommandAck.builder().command(MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL)
                .result(MavResult.MAV_RESULT_ACCEPTED).build()));
        link.advance(Duration.ofSeconds(2));

        assertThat(link.drainSent()).map(LinkHarness.Sent::payload).noneMatch(RequestDataStream.class::isInstance);
    }

    @Test
    void knownSystemIdFromAnotherAddressCannotTakeOverALiveLink() {
        link.feed(DRONE, px4Heartbeat(7));
        link.feed(SPOOFER, px4Heartbeat(7));
        link.feed(SPOOFER, TestFrames.v2(7, 1, seq++, TestFrames.position(0, 0, 0, 0)));

        assertThat(vehicle("mav-test-7").identity().linkPeer()).isEqualTo("10.0.0.7:14580");
        assertThat(vehicle("mav-test-7").position()).isNull();
        assertThat(link.metrics.framesIgnored(IngestMetrics.FrameIgnored.PEER_CONFLICT)).isEqualTo(2);

        // Once the link is lost, a new address is only a claim on this unsigned link (LinkClaimsTest).
        link.advance(Duration.ofSeconds(4));
        link.feed(SPOOFER, px4Heartbeat(7));
        assertThat(vehicle("mav-test-7").identity().linkPeer()).isEqualTo("10.0.0.7:14580");
        assertThat(vehicle("mav-test-7").identity().linkClaim()).isEqualTo("10.6.6.6:14580");
    }

    @Test
    void framesFromUnknownSystemsAndNonVehiclesAreIgnoredAndCounted() {
        link.feed(DRONE, TestFrames.v2(9, 1, seq++, TestFrames.position(1, 2, 3, 4)));
        link.feed(DRONE, TestFrames.v2(255, 190, seq++,
                TestFrames.heartbeat(MavType.MAV_TYPE_GCS, MavAutopilot.MAV_AUTOPILOT_INVALID, false)));

        assertThat(link.registry.size()).isZero();
        assertThat(link.metrics.framesIgnored(IngestMetrics.FrameIgnored.UNKNOWN_SYSTEM)).isEqualTo(1);
        assertThat(link.metrics.framesIgnored(IngestMetrics.FrameIgnored.NOT_A_VEHICLE)).isEqualTo(1);
    }

    @Test
    void autopilotWarningsBecomeEventsAndInfoTextDoesNot() {
        link.feed(DRONE, px4Heartbeat(7));
        link.feed(DRONE, TestFrames.v2(7, 1, seq++, Statustext.builder().severity(MavSeverity.MAV_SEVERITY_WARNING)
                .text("Preflight Fail: Accel uncalibrated").build()));
        link.feed(DRONE, TestFrames.v2(7, 1, seq++, Statustext.builder().severity(MavSeverity.MAV_SEVERITY_INFO)
                .text("Takeoff detected").build()));

        assertThat(link.events).filteredOn(e -> e.type() == EventType.STATUS_TEXT)
                .singleElement().satisfies(e -> assertThat(e.message()).isEqualTo("Preflight Fail: Accel uncalibrated"));
    }

    @Test
    void floodFromOneAddressIsCutOffWithoutStarvingOtherVehicles() {
        InetSocketAddress flooder = new InetSocketAddress("10.9.9.9", 40_000);
        byte[] junk = TestFrames.v2(200, 1, 0, TestFrames.position(1, 1, 1, 1));
        link.feed(DRONE, px4Heartbeat(7));
        for (int i = 0; i < 20_000; i++) {
            link.feed(flooder, junk);
            if (i % 1000 == 0) {
                link.feed(DRONE, TestFrames.v2(7, 1, seq++, TestFrames.position(i, i, 0, 0)));
            }
            link.advance(Duration.ofNanos(10_000));  // 100,000 datagrams/s from the flooder
        }

        assertThat(link.metrics.datagramsDropped(IngestMetrics.DatagramDrop.RATE_LIMITED)).isGreaterThan(14_000);
        assertThat(vehicle("mav-test-7").position().latDeg()).isEqualTo(19_000 / 1e7);
        assertThat(link.metrics.datagramsDropped(IngestMetrics.DatagramDrop.RATE_LIMITED)
                + link.metrics.datagramsAccepted()).isEqualTo(link.metrics.datagramsIn());
    }

    @Test
    void gcsHeartbeatGoesToEveryVehicleOncePerSecond() {
        link.feed(DRONE, px4Heartbeat(7));
        link.feed(ROVER, TestFrames.v2(3, 1, seq++,
                TestFrames.heartbeat(MavType.MAV_TYPE_GROUND_ROVER, MavAutopilot.MAV_AUTOPILOT_ARDUPILOTMEGA, false)));
        link.drainSent();
        link.advance(Duration.ofMillis(100));
        link.drainSent();

        link.advance(Duration.ofSeconds(1));

        assertThat(link.drainSent()).filteredOn(s -> s.payload() instanceof Heartbeat)
                .extracting(LinkHarness.Sent::to).containsExactlyInAnyOrder(DRONE, ROVER);
    }

    @Test
    void aDocksFramesGoToTheDockObserversAndNeverBecomeTheVehiclesBattery() {
        var docks = new org.skyfleet.fleet.dock.DockBook();
        var reports = new org.skyfleet.telemetry.mavlink.ChargingStationReports(docks, link::now);
        List<Object> seen = new java.util.ArrayList<>();
        link.handler.addDockObserver((vehicleId, frame) -> {
            seen.add(frame.payload());
            reports.onDockFrame(vehicleId, frame);
        });
        link.feed(DRONE, px4Heartbeat(7));
        link.feed(DRONE, TestFrames.v2(7, 1, seq++, io.dronefleet.mavlink.common.SysStatus.builder().batteryRemaining(30)
                .voltageBattery(14_800).currentBattery(-1).build()));
        // the dock: component 25 of the drone's system, a vehicle charging on it at 60 %
        link.feed(DRONE, TestFrames.v2(7, 25, 0, Heartbeat.builder().type(MavType.MAV_TYPE_CHARGING_STATION)
                .autopilot(MavAutopilot.MAV_AUTOPILOT_INVALID).customMode(3).mavlinkVersion(3).build()));
        link.feed(DRONE, TestFrames.v2(7, 25, 1, io.dronefleet.mavlink.common.BatteryStatus.builder().id(0).batteryRemaining(60)
                .currentBattery(278).timeRemaining(1500)
                .chargeState(io.dronefleet.mavlink.common.MavBatteryChargeState.MAV_BATTERY_CHARGE_STATE_CHARGING).build()));

        assertThat(vehicle("mav-test-7").battery().remainingPercent()).isEqualTo(30.0);
        assertThat(seen).hasSize(2);
        var dock = docks.find("mav-test-7").orElseThrow();
        assertThat(dock.componentId()).isEqualTo(25);
        assertThat(dock.occupied()).isTrue();
        assertThat(dock.charging()).isTrue();
        assertThat(dock.chargePercent()).isEqualTo(60.0);
        assertThat(dock.secondsToFull()).isEqualTo(1500);
        assertThat(dock.chargingCurrentA()).isEqualTo(2.78);
        assertThat(docks.live("mav-test-7", link.now())).isPresent();
        link.advance(Duration.ofSeconds(4));
        assertThat(docks.live("mav-test-7", link.now())).as("silent for longer than 3 s").isEmpty();

        // a charging station of a system not bound here, or heard from another address, is no vehicle's dock
        link.feed(ROVER, TestFrames.v2(9, 25, 0, Heartbeat.builder().type(MavType.MAV_TYPE_CHARGING_STATION)
                .autopilot(MavAutopilot.MAV_AUTOPILOT_INVALID).mavlinkVersion(3).build()));
        link.feed(SPOOFER, TestFrames.v2(7, 26, 0, Heartbeat.builder().type(MavType.MAV_TYPE_CHARGING_STATION)
                .autopilot(MavAutopilot.MAV_AUTOPILOT_INVALID).mavlinkVersion(3).build()));
        assertThat(seen).hasSize(2);
        assertThat(link.registry.all()).hasSize(1);
    }
}
