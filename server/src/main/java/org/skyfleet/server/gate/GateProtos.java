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

    static org.skyfleet.proto.v1.GateCrossing crossing(GateCrossing c, String incidentId) {
        return org.skyfleet.proto.v1.GateCrossing.newBuilder().setGateId(c.gateId()).setSubjectKind(kind(c.kind()))
                .setSubjectId(c.subjectId()).setDirection(direction(c.direction())).setTime(ProtoMapper.timestamp(c.time()))
                .setPosition(GeoPoint.newBuilder().setLatDeg(c.latDeg()).setLonDeg(c.lonDeg()))
                .setWatched(!incidentId.isEmpty()).setIncidentId(incidentId).build();
    }
}
