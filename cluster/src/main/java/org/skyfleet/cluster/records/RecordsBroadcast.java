package org.skyfleet.cluster.records;

import com.google.protobuf.InvalidProtocolBufferException;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.bus.AreaCell;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.fusion.TrackUpdate;
import org.skyfleet.cluster.bus.BusSubjects;
import org.skyfleet.server.dispatch.DispatchProtoMapper;
import org.skyfleet.server.records.RecordsDomain;
import org.skyfleet.server.sighting.TrackUpdateProto;

/**
 * The records leader's track changes and assignments on core NATS, as the API's {@code TrackUpdate} and
 * {@code Assignment}: tracks on {@code skyfleet.track.<c1>.<c2>.<c3>.<c4>.<c5>.<track>} (the track's area cell,
 * as vehicle states are laid out, so {@code skyfleet.track.g.c.p.>} follows an area) and assignments on
 * {@code skyfleet.assignment.<unit>.<assignment>}. At most once, like telemetry: each record itself is in the
 * shared store and on the durable log before its caller is answered; this is for following them live.
 */
public final class RecordsBroadcast {
    private static final Logger LOG = Logger.getLogger(RecordsBroadcast.class.getName());
    public static final String TRACK_ROOT = "skyfleet.track";
    public static final String ASSIGNMENT_ROOT = "skyfleet.assignment";

    private RecordsBroadcast() {
    }

    public static String trackSubject(String trackId, double latDeg, double lonDeg) {
        String cell = AreaCell.of(latDeg, lonDeg);
        StringBuilder b = new StringBuilder(TRACK_ROOT);
        for (int i = 0; i < AreaCell.DEPTH; i++) {
            b.append('.').append(cell.charAt(i));
        }
        return b.append('.').append(subjectSafe(trackId)).toString();
    }

    public static String assignmentSubject(String unitId, String assignmentId) {
        return ASSIGNMENT_ROOT + "." + subjectSafe(unitId) + "." + subjectSafe(assignmentId);
    }

    /**
     * Publishes {@code records}' track changes and assignments while it is open. Publishing never blocks:
     * the connection buffers and, when full, discards (counted by the bus metrics).
     */
    public static void publish(RecordsDomain records, Connection nats) {
        Consumer<TrackUpdate> tracks = u -> nats.publish(trackSubject(u.track().id(), u.track().latDeg(), u.track().lonDeg()),
                TrackUpdateProto.of(u, records.tracks()).toByteArray());
        records.tracks().subscribe(tracks, snapshot -> { });
        AutoCloseable assignments = records.dispatcher().subscribe((Assignment a) -> nats.publish(
                assignmentSubject(a.unitId(), a.assignmentId()), DispatchProtoMapper.assignment(a).toByteArray()));
        records.closeWith(() -> records.tracks().unsubscribe(tracks));
        records.closeWith(assignments);
    }

    /** Hands every track change published by the records leader (another node: a node never hears itself) to {@code sink}. */
    public static AutoCloseable followTracks(Connection nats, Consumer<org.skyfleet.proto.v1.TrackUpdate> sink) {
        Dispatcher d = nats.createDispatcher(m -> {
            try {
                sink.accept(org.skyfleet.proto.v1.TrackUpdate.parseFrom(m.getData()));
            } catch (InvalidProtocolBufferException | RuntimeException e) {
                LOG.log(Level.WARNING, "unreadable track change on " + m.getSubject(), e);
            }
        });
        d.subscribe(TRACK_ROOT + ".>");
        return () -> nats.closeDispatcher(d);
    }

    private static String subjectSafe(String id) {
        return BusSubjects.token(id);
    }
}
