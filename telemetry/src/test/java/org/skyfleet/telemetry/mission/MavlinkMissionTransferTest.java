package org.skyfleet.telemetry.mission;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionClearAll;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionRequestInt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.command.MissionContentHash;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionResult;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.fleet.command.TransferOutcome;
import org.skyfleet.fleet.command.TransferStatus;
import org.skyfleet.telemetry.command.SimulatedLink;

class MavlinkMissionTransferTest {
    private static final String DRONE = "mav-test-7";
    private static final Duration MAX = Duration.ofMinutes(10);

    private final SimulatedLink link = new SimulatedLink().withLatency(Duration.ofMillis(20));
    private final FakeMissionVehicle vehicle = new FakeMissionVehicle();
    private final MavlinkMissionTransfer transfer = new MavlinkMissionTransfer(link, TransferConfig.defaults());
    private final List<MissionItem> plan = TestPlans.survey(20);

    MavlinkMissionTransferTest() {
        link.attach(DRONE, 7, vehicle);
    }

    private TransferOutcome upload(MissionType type, List<MissionItem> items) {
        return link.await(transfer.upload(DRONE, type, items), MAX);
    }

    @Test
    void twentyItemsGoUpOneRequestEachAndTheVehicleAcceptsThem() {
        TransferOutcome out = upload(MissionType.MISSION, plan);

        assertThat(out.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(out.vehicleResult()).isEqualTo(MissionResult.ACCEPTED);
        assertThat(out.attempts()).isEqualTo(1);
        assertThat(out.retransmissions()).isZero();
        assertThat(vehicle.stored(MissionType.MISSION)).isEqualTo(plan);
        MissionCount count = link.sent(MissionCount.class).get(0);
        assertThat(count.count()).isEqualTo(20);
        assertThat(count.missionType().value()).isZero();
        assertThat(count.targetSystem()).isEqualTo(7);
        assertThat(link.sent(MissionItemInt.class)).extracting(MissionItemInt::seq)
                .containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
    }

    @Test
    void outOfOrderRepeatedAndLegacyRequestsAreEachAnsweredWithTheItemAsked() {
        List<Integer> order = List.of(0, 2, 1, 1, 3, 5, 4, 6, 6, 6, 7, 8, 9, 10, 12, 11, 13, 14, 15, 16, 17, 19, 18);
        vehicle.requestPlan(n -> order).legacyRequests();

        TransferOutcome out = upload(MissionType.MISSION, plan);

        assertThat(out.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(link.sent(MissionItemInt.class)).extracting(MissionItemInt::seq).containsExactlyElementsOf(order);
        assertThat(vehicle.stored(MissionType.MISSION)).isEqualTo(plan);
    }

    @Test
    void aFenceTravelsAsAFenceAndLeavesTheMissionAlone() {
        upload(MissionType.MISSION, plan);
        List<MissionItem> fence = List.of(
                new MissionItem(3, 5001, 3, 0, 0, 0, MissionItem.degE7(51.5), MissionItem.degE7(-0.12), 0, true),
                new MissionItem(3, 5001, 3, 0, 0, 0, MissionItem.degE7(51.6), MissionItem.degE7(-0.12), 0, true),
                new MissionItem(3, 5001, 3, 0, 0, 0, MissionItem.degE7(51.6), MissionItem.degE7(-0.10), 0, true));

        TransferOutcome out = upload(MissionType.FENCE, fence);

        assertThat(out.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(vehicle.stored(MissionType.FENCE)).isEqualTo(fence);
        assertThat(vehicle.stored(MissionType.MISSION)).isEqualTo(plan);
        assertThat(link.sent(MissionItemInt.class).subList(20, 23)).allSatisfy(i -> assertThat(i.missionType().value()).isEqualTo(1));
    }

    @Test
    void aVehicleDroppingThirtyPercentOfPacketsStillGetsTheWholePlan() {
        link.withLoss(0.30, 42);

        TransferOutcome out = upload(MissionType.MISSION, plan);

        assertThat(out.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(vehicle.stored(MissionType.MISSION)).isEqualTo(plan);
        assertThat(link.dropped()).isGreaterThan(5);
        assertThat(link.sent(MissionItemInt.class).size()).isGreaterThan(20);
    }

    @Test
    void anInterimInvalidSequenceAckIsToleratedAsArduPilotSendsIt() {
        vehicle.nackBeforeRequest(7, MissionResult.INVALID_SEQUENCE, MissionType.MISSION);

        TransferOutcome out = upload(MissionType.MISSION, plan);

        assertThat(out.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(out.toleratedNacks()).isEqualTo(1);
        assertThat(vehicle.stored(MissionType.MISSION)).isEqualTo(plan);
    }

    @Test
    void strayItemAcksFromRetransmissionsAreToleratedOnALossyLink() {
        link.withLoss(0.30, 7);
        // Re-requests quicker than the 40 ms round trip make the ground answer twice; the second answer is stray.
        vehicle.nackStrayItems().rerequestAfter(Duration.ofMillis(30));

        TransferOutcome out = upload(MissionType.MISSION, plan);

        assertThat(out.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(out.toleratedNacks()).isPositive();
        assertThat(vehicle.stored(MissionType.MISSION)).isEqualTo(plan);
    }

    @Test
    void anInterimErrorWhileItemsRemainIsTolerated() {
        vehicle.nackBeforeRequest(3, MissionResult.ERROR, MissionType.MISSION);

        TransferOutcome out = upload(MissionType.MISSION, plan);

        assertThat(out.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(out.toleratedNacks()).isEqualTo(1);
    }

    @Test
    void anInterimErrorFollowedBySilenceFailsNamingTheError() {
        vehicle.nackBeforeRequest(3, MissionResult.ERROR, MissionType.MISSION).silentAfterNack();

        TransferOutcome out = upload(MissionType.MISSION, plan);

        assertThat(out.status()).isEqualTo(TransferStatus.REJECTED);
        assertThat(out.vehicleResult()).isEqualTo(MissionResult.ERROR);
        assertThat(out.detail()).contains("MAV_MISSION_ERROR");
    }

    @Test
    void anAckForAnotherPlanTypeIsStaleAndIgnored() {
        vehicle.nackBeforeRequest(4, MissionResult.NO_SPACE, MissionType.FENCE);

        TransferOutcome out = upload(MissionType.MISSION, plan);

        assertThat(out.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(out.toleratedNacks()).isZero();
    }

    @Test
    void aStaleAcceptedFromAnEarlierUploadDoesNotEndTheNextOneEarly() {
        vehicle.nackBeforeRequest(0, MissionResult.ACCEPTED, MissionType.MISSION)
                .nackBeforeRequest(9, MissionResult.ACCEPTED, MissionType.MISSION);

        TransferOutcome out = upload(MissionType.MISSION, plan);

        assertThat(out.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(link.sent(MissionItemInt.class)).hasSize(20);
        assertThat(vehicle.stored(MissionType.MISSION)).isEqualTo(plan);
    }

    @Test
    void noSpaceOnTheCountFailsNamingIt() {
        vehicle.refuseCount(MissionResult.NO_SPACE);

        TransferOutcome out = upload(MissionType.MISSION, plan);

        assertThat(out.status()).isEqualTo(TransferStatus.REJECTED);
        assertThat(out.vehicleResult()).isEqualTo(MissionResult.NO_SPACE);
        assertThat(out.attempts()).isEqualTo(1);
        assertThat(out.detail()).contains("MAV_MISSION_NO_SPACE");
    }

    @Test
    void aFinalErrorMidTransferIsNotTolerated() {
        vehicle.failOnItem(5, MissionResult.INVALID_PARAM1);

        TransferOutcome out = upload(MissionType.MISSION, plan);

        assertThat(out.status()).isEqualTo(TransferStatus.REJECTED);
        assertThat(out.vehicleResult()).isEqualTo(MissionResult.INVALID_PARAM1);
        assertThat(link.sent(MissionItemInt.class)).hasSize(6);
    }

    @Test
    void aDeafVehicleGetsTheCountSixTimesThenTheUploadTimesOut() {
        vehicle.deaf();

        TransferOutcome out = upload(MissionType.MISSION, plan);

        assertThat(out.status()).isEqualTo(TransferStatus.TIMED_OUT);
        assertThat(out.vehicleResult()).isNull();
        assertThat(out.attempts()).isEqualTo(6);
        assertThat(out.retransmissions()).isEqualTo(5);
        assertThat(link.sent(MissionCount.class)).hasSize(6);
        assertThat(link.elapsed()).isEqualTo(Duration.ofMillis(6 * 1500));
    }

    @Test
    void downloadReturnsExactlyWhatWasUploadedAndTheHashesMatch() {
        link.withLoss(0.2, 3);
        assertThat(upload(MissionType.MISSION, plan).completed()).isTrue();

        TransferOutcome back = link.await(transfer.download(DRONE, MissionType.MISSION), MAX);

        assertThat(back.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(back.items()).isEqualTo(plan);
        assertThat(MissionContentHash.of(MissionType.MISSION, back.items()))
                .isEqualTo(MissionContentHash.of(MissionType.MISSION, plan));
        List<Integer> asked = new ArrayList<>(link.sent(MissionRequestInt.class).stream().map(MissionRequestInt::seq).toList());
        assertThat(asked).containsAll(IntStream.range(0, 20).boxed().toList());
        MissionAck done = link.sent(MissionAck.class).get(0);
        assertThat(done.type().value()).isZero();
    }

    @Test
    void clearEmptiesThePlanAndAnEmptyDownloadCompletes() {
        upload(MissionType.RALLY, plan.subList(0, 2));

        TransferOutcome cleared = link.await(transfer.clear(DRONE, MissionType.RALLY), MAX);
        TransferOutcome back = link.await(transfer.download(DRONE, MissionType.RALLY), MAX);

        assertThat(cleared.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(link.sent(MissionClearAll.class).get(0).missionType().value()).isEqualTo(2);
        assertThat(vehicle.stored(MissionType.RALLY)).isEmpty();
        assertThat(back.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(back.items()).isEmpty();
    }

    @Test
    void aVehicleRefusingToListOrClearIsARejectionNamingItsResult() {
        upload(MissionType.MISSION, plan);
        vehicle.refuseListing(MissionResult.DENIED);

        TransferOutcome back = link.await(transfer.download(DRONE, MissionType.MISSION), MAX);
        TransferOutcome cleared = link.await(transfer.clear(DRONE, MissionType.MISSION), MAX);

        assertThat(back.status()).isEqualTo(TransferStatus.REJECTED);
        assertThat(back.vehicleResult()).isEqualTo(MissionResult.DENIED);
        assertThat(back.items()).isEmpty();
        assertThat(cleared.status()).isEqualTo(TransferStatus.REJECTED);
        assertThat(cleared.vehicleResult()).isEqualTo(MissionResult.DENIED);
        assertThat(vehicle.stored(MissionType.MISSION)).isEqualTo(plan);
    }

    @Test
    void aSecondTransferWhileOneRunsIsBusyAndSendsNothing() {
        CompletionStage<TransferOutcome> first = transfer.upload(DRONE, MissionType.MISSION, plan);
        int sentBefore = link.sent().size();

        TransferOutcome second = link.await(transfer.download(DRONE, MissionType.MISSION), MAX);

        assertThat(second.status()).isEqualTo(TransferStatus.BUSY);
        assertThat(link.sent().size()).isEqualTo(sentBefore);
        assertThat(link.await(first, MAX).completed()).isTrue();
        assertThat(link.await(transfer.download(DRONE, MissionType.MISSION), MAX).items()).isEqualTo(plan);
    }

    @Test
    void closingTheLinkEndsARunningTransfer() {
        vehicle.deaf();
        CompletionStage<TransferOutcome> up = transfer.upload(DRONE, MissionType.MISSION, plan);
        link.runFor(Duration.ofSeconds(2));

        link.close();

        TransferOutcome out = up.toCompletableFuture().join();
        assertThat(out.status()).isEqualTo(TransferStatus.NOT_CONNECTED);
        assertThat(out.attempts()).isEqualTo(2);
        assertThat(out.detail()).isEqualTo("link closed");
    }

    @Test
    void aVehicleNotOnTheLinkIsNotConnected() {
        TransferOutcome out = link.await(transfer.upload("mav-test-9", MissionType.MISSION, plan), MAX);

        assertThat(out.status()).isEqualTo(TransferStatus.NOT_CONNECTED);
        assertThat(link.sent()).isEmpty();
    }
}
