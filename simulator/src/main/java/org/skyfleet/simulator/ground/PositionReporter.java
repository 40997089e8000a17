package org.skyfleet.simulator.ground;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.proto.v1.DispatchServiceGrpc;
import org.skyfleet.proto.v1.ReportUnitPositionsResponse;
import org.skyfleet.proto.v1.UnitPositionReport;
import org.skyfleet.proto.v1.UnitStatus;
import org.skyfleet.simulator.controlplane.ProtoMapping;

/**
 * The phone app's position stream ({@code ReportUnitPositions}): one report every
 * {@link OfficerApp#REPORT_INTERVAL_MS} of simulated time, status AVAILABLE (the server marks a unit
 * ASSIGNED itself). A report that falls due while the stream is not ready (flow control) or not open is
 * skipped and counted, never queued; a stream that ends is reopened after the app's back-off. Guarded by
 * {@code lock}, the app's monitor, which gRPC's callbacks take too.
 */
final class PositionReporter {
    private static final Logger LOG = Logger.getLogger(PositionReporter.class.getName());

    private final SimulatedUnit unit;
    private final DispatchServiceGrpc.DispatchServiceStub stub;
    private final ReconnectBackoff backoff;
    private final Object lock;

    private ClientCallStreamObserver<UnitPositionReport> positions;
    private int generation;
    private long nowMs;
    private long reopenAtMs;
    private long nextReportMs;
    private long sent;
    private long skipped;
    private int reconnects;
    private boolean closed;

    PositionReporter(SimulatedUnit unit, DispatchServiceGrpc.DispatchServiceStub stub, ReconnectBackoff backoff, Object lock) {
        this.unit = unit;
        this.stub = stub;
        this.backoff = backoff;
        this.lock = lock;
    }

    /** (Re)opens the stream and sends a report when due. Under the lock. */
    void tick(long nowMs, long epochMs) {
        this.nowMs = nowMs;
        if (positions == null && nowMs >= reopenAtMs) {
            open();
        }
        if (nowMs >= nextReportMs) {
            nextReportMs = nowMs + OfficerApp.REPORT_INTERVAL_MS;
            send(epochMs);
        }
    }

    private void send(long epochMs) {
        if (positions == null || !positions.isReady()) {
            skipped++;
            return;
        }
        positions.onNext(UnitPositionReport.newBuilder()
                .setUnitId(unit.id())
                .setUnitType(ProtoMapping.unitType(unit.spec().type()))
                .setCallsign(unit.spec().callsign())
                .setPosition(ProtoMapping.geoPoint(unit.position()))
                .setAccuracyM(OfficerApp.ACCURACY_M)
                .setStatus(UnitStatus.UNIT_STATUS_AVAILABLE)
                .setTime(ProtoMapping.timestamp(epochMs))
                .build());
        sent++;
    }

    private void open() {
        int g = ++generation;
        stub.reportUnitPositions(new ClientResponseObserver<UnitPositionReport, ReportUnitPositionsResponse>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<UnitPositionReport> requestStream) {
                positions = requestStream;  // called synchronously, under the lock tick holds
            }

            @Override
            public void onNext(ReportUnitPositionsResponse r) {
                if (r.getRejected() > 0) {
                    LOG.warning(unit.id() + ": server rejected " + r.getRejected() + " position reports: " + r.getLastError());
                }
            }

            @Override
            public void onError(Throwable t) {
                ended(g, t);
            }

            @Override
            public void onCompleted() {
                ended(g, null);
            }
        });
    }

    private void ended(int g, Throwable t) {
        synchronized (lock) {
            if (g != generation || closed) {
                return;
            }
            LOG.log(Level.FINE, unit.id() + ": position stream ended", t);
            positions = null;
            reopenAtMs = nowMs + backoff.next();
            reconnects++;
        }
    }

    long sent() {
        return sent;
    }

    long skipped() {
        return skipped;
    }

    int reconnects() {
        return reconnects;
    }

    /** The stream is open and ready for a report now. */
    boolean ready() {
        return positions != null && positions.isReady();
    }

    /** Ends the stream: the server answers with its counts. Under the lock. */
    void close() {
        closed = true;
        if (positions != null) {
            positions.onCompleted();
        }
    }
}
