package org.skyfleet.cluster.log;

import org.skyfleet.fleet.audit.AuditEntry;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.fusion.HorizontalUncertainty;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.proto.v1.Covariance2;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.server.audit.AuditGrpcService;
import org.skyfleet.server.dispatch.DispatchProtoMapper;
import org.skyfleet.server.grpc.ProtoMapper;
import org.skyfleet.server.incident.IncidentProtoMapper;

/**
 * Durable records are the API's own messages, so a follower with the proto files reads them: an incident
 * with its whole timeline is {@code skyfleet.v1.Incident}, an assignment {@code Assignment}, an audit entry
 * {@code AuditEntry}, and a sighting the {@code ReportSightingRequest} that would report it again.
 */
final class RecordCodec {
    private RecordCodec() {
    }

    static byte[] incident(Incident i) {
        return IncidentProtoMapper.toProto(i).toByteArray();
    }

    static byte[] assignment(Assignment a) {
        return DispatchProtoMapper.assignment(a).toByteArray();
    }

    static byte[] audit(AuditEntry e) {
        return AuditGrpcService.toProto(e).toByteArray();
    }

    static byte[] sighting(Sighting s) {
        HorizontalUncertainty u = s.uncertainty();
        ReportSightingRequest.Builder b = ReportSightingRequest.newBuilder()
                .setSightingId(s.id())
                // the API numbers both enums from 1 in the domain's order
                .setSource(SightingSource.forNumber(s.sourceKind().ordinal() + 1))
                .setSourceId(s.sourceId())
                .setTime(ProtoMapper.timestamp(java.time.Instant.ofEpochMilli(s.timeMs())))
                .setPosition(GeoPoint.newBuilder().setLatDeg(s.latDeg()).setLonDeg(s.lonDeg()))
                .setCovariance(Covariance2.newBuilder().setEastEastM2(u.eastVarM2()).setEastNorthM2(u.eastNorthCovM2())
                        .setNorthNorthM2(u.northVarM2()))
                .setTargetClass(TargetClass.forNumber(s.targetClass().ordinal() + 1))
                .setConfidence(s.confidence());
        s.imageRef().ifPresent(b::setImageRef);
        s.incidentId().ifPresent(b::setIncidentId);
        return b.build().toByteArray();
    }
}
