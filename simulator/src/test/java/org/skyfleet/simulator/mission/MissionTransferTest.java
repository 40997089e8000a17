package org.skyfleet.simulator.mission;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.MavMissionResult;
import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionItem;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.gcs.Items;
import org.skyfleet.simulator.gcs.TestScenarios;
import org.skyfleet.simulator.vehicle.AutopilotFlavour;
import org.skyfleet.simulator.vehicle.VehicleSpec;

/** The vehicle side of the mission protocol, message by message, with simulated time in hand. */
class MissionTransferTest {
    private final List<Object> sent = new ArrayList<>();
    private final MissionStore store = new MissionStore();
    private final MissionTransfer transfer = new MissionTransfer(sent::add, store,
            new MissionItemCheck(VehicleSpec.px4Quadrotor(), 30), () -> 0);
    private final Items items = new Items(1, TestScenarios.FRAME);

    private static MissionPlanItem plan(MissionItemInt i) {
        return MissionPlanItem.of(i);
    }

    private <T> List<T> sentOf(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void unansweredRequestIsRepeatedDuplicateIgnoredAndSilenceTimesOut() {
        transfer.onCount(3, MissionStore.MISSION, 255, 190, 0);
        transfer.step(MissionTransfer.RETRY_MS - 10);
        assertThat(sentOf(MissionRequestInt.class)).extracting(MissionRequestInt::seq).containsExactly(0);
        transfer.step(MissionTransfer.RETRY_MS);
        assertThat(sentOf(MissionRequestInt.class)).extracting(MissionRequestInt::seq).containsExactly(0, 0);
        assertThat(sentOf(MissionRequestInt.class).get(0).targetSystem()).isEqualTo(255);

        transfer.onItem(plan(items.takeoff(0, 10)), false, 300);
        transfer.onItem(plan(items.takeoff(0, 10)), false, 310);  // the answer to the repeated request
        assertThat(sentOf(MissionRequestInt.class)).extracting(MissionRequestInt::seq).containsExactly(0, 0, 1);
        assertThat(sentOf(MissionAck.class)).isEmpty();

        transfer.step(310 + MissionTransfer.TIMEOUT_MS - 1);
        assertThat(sentOf(MissionAck.class)).isEmpty();
        transfer.step(310 + MissionTransfer.TIMEOUT_MS + 1);
        assertThat(sentOf(MissionAck.class)).extracting(a -> a.type().entry())
                .containsExactly(MavMissionResult.MAV_MISSION_OPERATION_CANCELLED);
        assertThat(store.count(MissionStore.MISSION)).isZero();
        assertThat(transfer.isReceiving()).isFalse();
    }

    @Test
    void itemOutOfSequenceAbortsAndCompleteUploadIsStoredAndAccepted() {
        transfer.onCount(2, MissionStore.MISSION, 255, 190, 0);
        transfer.onItem(plan(items.waypoint(1, 10, 10, 20)), false, 10);
        assertThat(sentOf(MissionAck.class)).extracting(a -> a.type().entry())
                .containsExactly(MavMissionResult.MAV_MISSION_INVALID_SEQUENCE);

        sent.clear();
        transfer.onCount(2, MissionStore.MISSION, 255, 190, 100);
        transfer.onItem(plan(items.takeoff(0, 10)), false, 110);
        transfer.onItem(plan(items.waypoint(1, 10, 10, 20)), false, 120);
        assertThat(sentOf(MissionAck.class)).extracting(a -> a.type().entry())
                .containsExactly(MavMissionResult.MAV_MISSION_ACCEPTED);
        assertThat(store.items(MissionStore.MISSION)).extracting(MissionPlanItem::command).containsExactly(22, 16);
    }

    @Test
    void aRepeatOfTheLastItemAfterAcceptanceIsAcknowledgedAgainAsPx4Does() {
        transfer.onCount(2, MissionStore.MISSION, 255, 190, 0);
        transfer.onItem(plan(items.takeoff(0, 10)), false, 10);
        transfer.onItem(plan(items.waypoint(1, 10, 10, 20)), false, 20);
        sent.clear();

        // Our ACK was lost: the ground station sends the last item again.
        transfer.onItem(plan(items.waypoint(1, 10, 10, 20)), false, 600);
        transfer.onItem(plan(items.takeoff(0, 10)), false, 610);  // not the last item: no answer

        assertThat(sentOf(MissionAck.class)).extracting(a -> a.type().entry())
                .containsExactly(MavMissionResult.MAV_MISSION_ACCEPTED);
        assertThat(store.items(MissionStore.MISSION)).hasSize(2);
    }

    @Test
    void legacyItemsAreAskedForAndServedWithLegacyMessages() {
        transfer.onCount(2, MissionStore.MISSION, 255, 190, 0);
        MissionItem legacy0 = plan(items.takeoff(0, 10)).toLegacyItem(1, 1, false);
        transfer.onItem(MissionPlanItem.of(legacy0), true, 10);
        assertThat(sentOf(MissionRequest.class)).extracting(MissionRequest::seq).containsExactly(1);
        transfer.onItem(MissionPlanItem.of(plan(items.waypoint(1, 30, 40, 20)).toLegacyItem(1, 1, false)), true, 20);
        assertThat(sentOf(MissionAck.class)).hasSize(1);

        sent.clear();
        transfer.onRequestList(MissionStore.MISSION, 255, 190);
        transfer.onRequest(1, MissionStore.MISSION, true, 255, 190);
        transfer.onRequest(1, MissionStore.MISSION, false, 255, 190);
        transfer.onRequest(5, MissionStore.MISSION, false, 255, 190);
        assertThat(sentOf(MissionCount.class)).extracting(MissionCount::count).containsExactly(2);
        MissionItem legacy = sentOf(MissionItem.class).get(0);
        assertThat(legacy.x()).isCloseTo((float) TestScenarios.FRAME.latDeg(40), org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(sentOf(MissionItemInt.class).get(0).x()).as("stored from a float: within 3e-6 deg")
                .isCloseTo(Items.degE7(TestScenarios.FRAME.latDeg(40)), org.assertj.core.data.Offset.offset(30));
        assertThat(sentOf(MissionAck.class)).extracting(a -> a.type().entry())
                .containsExactly(MavMissionResult.MAV_MISSION_INVALID_SEQUENCE);
    }

    @Test
    void clearAllEmptiesEveryTypeAndTooLongUploadHasNoSpace() {
        transfer.onCount(1, MissionStore.FENCE, 255, 190, 0);
        transfer.onItem(plan(items.fenceCircle(0, 100)), false, 10);
        assertThat(store.count(MissionStore.FENCE)).isEqualTo(1);
        transfer.onClearAll(MissionStore.ALL, 255, 190);
        assertThat(store.count(MissionStore.FENCE)).isZero();

        sent.clear();
        transfer.onCount(MissionItemCheck.CAPACITY + 1, MissionStore.MISSION, 255, 190, 0);
        assertThat(sentOf(MissionAck.class)).extracting(a -> a.type().entry())
                .containsExactly(MavMissionResult.MAV_MISSION_NO_SPACE);
        assertThat(sentOf(MissionRequestInt.class)).isEmpty();
    }

    @Test
    void itemChecksNameWhatIsWrong() {
        MissionItemCheck rover = new MissionItemCheck(VehicleSpec.patrolRover(AutopilotFlavour.PX4), 30);
        MissionItemCheck copter = new MissionItemCheck(VehicleSpec.px4Quadrotor(), 30);
        assertThat(rover.check(plan(items.takeoff(0, 10)))).isEqualTo(MavMissionResult.MAV_MISSION_UNSUPPORTED);
        assertThat(copter.check(plan(items.waypoint(0, 0, 0, 500)))).isEqualTo(MavMissionResult.MAV_MISSION_ACCEPTED);
        assertThat(copter.check(plan(items.waypoint(0, 0, 0, 501)))).isEqualTo(MavMissionResult.MAV_MISSION_INVALID_PARAM7);
        assertThat(copter.check(plan(items.changeSpeed(0, 12)))).isEqualTo(MavMissionResult.MAV_MISSION_ACCEPTED);
        assertThat(copter.check(plan(items.changeSpeed(0, 13)))).isEqualTo(MavMissionResult.MAV_MISSION_INVALID_PARAM2);
        assertThat(copter.check(plan(items.nav(0, io.dronefleet.mavlink.common.MavCmd.MAV_CMD_NAV_LOITER_TIME, 0, 0, 20, -1, 0))))
                .isEqualTo(MavMissionResult.MAV_MISSION_INVALID_PARAM1);
        MissionPlanItem terrain = new MissionPlanItem(0, 11, 16, 1, 0, 0, 0, 0, 515034000, -1276000, 20, 0);
        assertThat(copter.check(terrain)).isEqualTo(MavMissionResult.MAV_MISSION_UNSUPPORTED_FRAME);
        MissionPlanItem badLon = new MissionPlanItem(0, 6, 16, 1, 0, 0, 0, 0, 515034000, 1_900_000_000, 20, 0);
        assertThat(copter.check(badLon)).isEqualTo(MavMissionResult.MAV_MISSION_INVALID_PARAM6_Y);
        MissionPlanItem twoVertexPolygon = new MissionPlanItem(0, 5, 5001, 1, 2, 0, 0, 0, 515034000, -1276000, 0, 1);
        assertThat(copter.check(twoVertexPolygon)).isEqualTo(MavMissionResult.MAV_MISSION_INVALID_PARAM1);
    }
}
