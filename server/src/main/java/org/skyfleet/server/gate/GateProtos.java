package org.skyfleet.server.gate;

import java.util.Map;
import org.skyfleet.fleet.gate.CrossingDirection;
import org.skyfleet.fleet.gate.GateCrossing;
import org.skyfleet.fleet.gate.GateTally;
import org.skyfleet.fleet.gate.SubjectKind;
import org.skyfleet.proto.v1.GateCrossingDirection;
import org.skyfleet.proto.v1.GateKindCount;
import org.skyfleet.proto.v1.GateSubjectKind;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.server.grpc.ProtoMapper;

/** Gate counters and crossings to their proto messages. */
final class GateProtos {
    private GateProtos() {
    }

    static GateSubjectKind kind(SubjectKind k) {
        return GateSubjectKind.valueOf("GATE_SUBJECT_KIND_" + k.name());
    }

    static GateCrossingDirection direction(CrossingDirection d) {
        return d == CrossingDirection.IN ? GateCrossingDirection.GATE_CROSSING_DIRECTION_IN
                : GateCrossingDirection.GATE_CROSSING_DIRECTION_OUT;
    }

    /** One entry per subject kind, in the kinds' order. */
    static Iterable<GateKindCount> counts(Map<SubjectKind, GateTally.Counts> m) {
        return m.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> GateKindCount.newBuilder().setKind(kind(e.getKey())).setInCount(e.getValue().in())
                        .setOutCount(e.getValue().out()).build())
                .toList();
    }

    static org.skyfleet.proto.v1.GateCrossing crossing(GateWatch.Observed o) {
        return crossing(o.crossing(), o.incidentId()).toBuilder().setWatched(o.watched()).build();
    }

    static SubjectKind kind(GateSubjectKind k) {
        return switch (k) {
            case GATE_SUBJECT_KIND_TRACK -> SubjectKind.TRACK;
            case GATE_SUBJECT_KIND_VESSEL -> SubjectKind.VESSEL;
            case GATE_SUBJECT_KIND_UNSPECIFIED, UNRECOGNIZED -> throw new IllegalArgumentException("subject_kind is required");
            default -> throw new IllegalArgumentException("only a track or a vessel can be watched, not " + k);
        };
    }

    static org.skyfleet.proto.v1.WatchedSubject watched(org.skyfleet.fleet.gate.WatchList.Watched w) {
        return org.skyfleet.proto.v1.WatchedSubject.newBuilder().setSubjectKind(kind(w.kind())).setSubjectId(w.subjectId())
                .setNote(w.note()).setWatchedBy(w.watchedBy()).setSince(ProtoMapper.timestamp(w.since())).build();
    }

    static org.skyfleet.proto.v1.GateCrossing crossing(GateCrossing c, String incidentId) {
        return org.skyfleet.proto.v1.GateCrossing.newBuilder().setGateId(c.gateId()).setSubjectKind(kind(c.kind()))
                .setSubjectId(c.subjectId()).setDirection(direction(c.direction())).setTime(ProtoMapper.timestamp(c.time()))
                .setPosition(GeoPoint.newBuilder().setLatDeg(c.latDeg()).setLonDeg(c.lonDeg()))
                .setWatched(!incidentId.isEmpty()).setIncidentId(incidentId).build();
    }
}
