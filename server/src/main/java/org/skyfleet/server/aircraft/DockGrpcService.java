package org.skyfleet.server.aircraft;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.time.InstantSource;
import org.skyfleet.fleet.dock.DockBook;
import org.skyfleet.fleet.dock.DockState;
import org.skyfleet.proto.v1.Dock;
import org.skyfleet.proto.v1.DockServiceGrpc;
import org.skyfleet.proto.v1.ListDocksRequest;
import org.skyfleet.proto.v1.ListDocksResponse;
import org.skyfleet.proto.v1.SwapBatteryRequest;
import org.skyfleet.proto.v1.SwapBatteryResponse;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.grpc.StatusMapping;

/**
 * {@code skyfleet.v1.DockService}: the docks as their components report them, and an operator's battery swap handed
 * to the automation that waits for the vehicle to confirm it. Short calls, on the gRPC thread.
 */
public final class DockGrpcService extends DockServiceGrpc.DockServiceImplBase {
    private final DockBook docks;
    private final BatterySwapRequests swaps;
    private final InstantSource clock;

    public DockGrpcService(DockBook docks, BatterySwapRequests swaps, InstantSource clock) {
        this.docks = docks;
        this.swaps = swaps;
        this.clock = clock;
    }

    @Override
    public void listDocks(ListDocksRequest request, StreamObserver<ListDocksResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Instant now = clock.instant();
            ListDocksResponse.Builder b = ListDocksResponse.newBuilder();
            for (DockState d : docks.all()) {
                b.addDocks(Dock.newBuilder().setVehicleId(d.vehicleId()).setComponentId(d.componentId()).setOccupied(d.occupied())
                        .setCharging(d.charging()).setSwapping(d.swapping())
                        .setChargePercent(Double.isNaN(d.chargePercent()) ? -1 : d.chargePercent())
                        .setTimeToFullS(Math.max(0, d.secondsToFull())).setChargingCurrentA(d.chargingCurrentA())
                        .setLastHeard(timestamp(d.lastHeard())).setLive(docks.live(d.vehicleId(), now).isPresent()));
            }
            return b.build();
        });
    }

    @Override
    public void swapBattery(SwapBatteryRequest request, StreamObserver<SwapBatteryResponse> observer) {
        StatusMapping.answer(observer, () -> {
            BatterySwapRequests.SwapTicket t = swaps.requestSwap(CallerInterceptor.require(), request.getVehicleId().strip(),
                    request.getPackId().strip(), request.getReason());
            return SwapBatteryResponse.newBuilder().setVehicleId(t.vehicleId()).setBatteryPercentAtRequest(t.percentAtRequest())
                    .setFreshPercent(t.freshPercent()).setConfirmBy(timestamp(t.confirmBy())).setIncidentId(t.incidentId()).build();
        });
    }

    private static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }
}
