package org.skyfleet.fleet.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryMissionTransferTest {
    private final InMemoryMissionTransfer transfer = new InMemoryMissionTransfer().connect("v1");
    private final List<MissionItem> plan = List.of(MissionContentHashTest.waypoint(51.5, -0.12, 30),
            MissionContentHashTest.waypoint(51.6, -0.12, 30));

    @Test
    void uploadThenDownloadReadsTheSameContentBack() {
        assertThat(transfer.upload("v1", MissionType.MISSION, plan).toCompletableFuture().join().completed()).isTrue();
        TransferOutcome back = transfer.download("v1", MissionType.MISSION).toCompletableFuture().join();
        assertThat(MissionContentHash.of(MissionType.MISSION, back.items()))
                .isEqualTo(MissionContentHash.of(MissionType.MISSION, plan));
        assertThat(transfer.stored("v1", MissionType.FENCE)).isEmpty();
    }

    @Test
    void aScriptedRefusalIsARejectionNamingTheResult() {
        transfer.refuseNextUpload(MissionResult.NO_SPACE);
        TransferOutcome out = transfer.upload("v1", MissionType.MISSION, plan).toCompletableFuture().join();
        assertThat(out.status()).isEqualTo(TransferStatus.REJECTED);
        assertThat(out.vehicleResult()).isEqualTo(MissionResult.NO_SPACE);
        assertThat(transfer.stored("v1", MissionType.MISSION)).isEmpty();
    }

    @Test
    void unknownVehicleIsNotConnected() {
        assertThat(transfer.clear("v2", MissionType.RALLY).toCompletableFuture().join().status())
                .isEqualTo(TransferStatus.NOT_CONNECTED);
    }
}
