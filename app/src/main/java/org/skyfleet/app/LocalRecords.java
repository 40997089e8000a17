package org.skyfleet.app;

import io.grpc.ServerBuilder;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Optional;
import org.skyfleet.app.console.AlertLog;
import org.skyfleet.server.http.HttpReply;
import org.skyfleet.server.records.RecordsContext;
import org.skyfleet.server.records.RecordsDomain;

/** The records of a node on its own: opened from its store at start, served by its gRPC. */
final class LocalRecords implements RecordsHost {
    private final RecordsDomain records;

    private LocalRecords(RecordsDomain records) {
        this.records = records;
    }

    static LocalRecords open(RecordsContext context, ServerBuilder<?> grpc) {
        RecordsDomain records = RecordsDomain.open(context);
        records.services().forEach(grpc::addService);
        return new LocalRecords(records);
    }

    @Override
    public void start(String grpcHost, int grpcPort, AlertLog alerts) {
        records.tracks().subscribe(alerts::onTrack, snapshot -> { });
        ResponseAlerts.raiseIn(records.firstResponse(), alerts);
    }

    @Override
    public HttpReply webhook(HttpHeaders headers, byte[] body) {
        return records.webhook().orElseThrow().handle(headers, body);
    }

    @Override
    public Optional<RecordsDomain> local() {
        return Optional.of(records);
    }

    @Override
    public void close() {
        records.close();
    }
}
