package org.skyfleet.server.sighting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.skyfleet.fleet.fusion.HorizontalUncertainty;
import org.skyfleet.fleet.fusion.PositionEllipse;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.SourceKind;
import org.skyfleet.fleet.fusion.TargetClass;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.proto.v1.Covariance2;
import org.skyfleet.proto.v1.Ellipse;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.TrackSighting;
import org.skyfleet.proto.v1.TrackState;
import org.skyfleet.server.grpc.ProtoMapper;

/** Sightings and tracks between the API and the fusion domain. */
final class SightingProtoMapper {
    static final int MAX_ID_CHARS = 200;

    private SightingProtoMapper() {
    }

    /** @throws IllegalArgumentException naming the field */
    static Sighting sighting(ReportSightingRequest r, Instant now, String incidentId) {
        if (r.getSightingId().isBlank() || r.getSightingId().length() > MAX_ID_CHARS) {
            throw new IllegalArgumentException("sighting_id: required, at most " + MAX_ID_CHARS + " characters");
        }
        if (r.getSourceId().isBlank() || r.getSourceId().length() > MAX_ID_CHARS) {
            throw new IllegalArgumentException("source_id: required, at most " + MAX_ID_CHARS + " characters");
        }
        if (!r.hasPosition()) {
            throw new IllegalArgumentException("position: required");
        }
        if (r.getImageRef().length() > 2000) {
            throw new IllegalArgumentException("image_ref: at most 2000 characters");
        }
        SourceKind source = switch (r.getSource()) {
            case SIGHTING_SOURCE_DRONE -> SourceKind.DRONE;
            case SIGHTING_SOURCE_ROBOT -> SourceKind.ROBOT;
            case SIGHTING_SOURCE_OFFICER -> SourceKind.OFFICER;
            case SIGHTING_SOURCE_CITIZEN -> SourceKind.CITIZEN;
            default -> throw new IllegalArgumentException("source: required (DRONE, ROBOT, OFFICER or CITIZEN)");
        };
        TargetClass cls = switch (r.getTargetClass()) {
            case TARGET_CLASS_PERSON -> TargetClass.PERSON;
            case TARGET_CLASS_VEHICLE -> TargetClass.VEHICLE;
            case TARGET_CLASS_BOAT -> TargetClass.BOAT;
            case TARGET_CLASS_ANIMAL -> TargetClass.ANIMAL;
            case TARGET_CLASS_OTHER -> TargetClass.OTHER;
            default -> throw new IllegalArgumentException("target_class: required (PERSON, VEHICLE, BOAT, ANIMAL or OTHER)");
        };
        HorizontalUncertainty u = switch (r.getUncertaintyCase()) {
            case SIGMA_M -> HorizontalUncertainty.sigma(r.getSigmaM());
            case COVARIANCE -> {
                Covariance2 c = r.getCovariance();
                yield HorizontalUncertainty.covariance(new double[][] {
                        {c.getEastEastM2(), c.getEastNorthM2()}, {c.getEastNorthM2(), c.getNorthNorthM2()}});
            }
            default -> throw new IllegalArgumentException("uncertainty: give sigma_m or covariance");
        };
        Instant time = r.hasTime() ? ProtoMapper.instant(r.getTime()) : now;
        return new Sighting(r.getSightingId(), source, r.getSourceId(), time.toEpochMilli(), r.getPosition().getLatDeg(),
                r.getPosition().getLonDeg(), u, cls, r.getConfidence(),
                r.getImageRef().isEmpty() ? Optional.empty() : Optional.of(r.getImageRef()), Optional.ofNullable(incidentId));
    }

    /** The latest sightings a track's message carries with their positions; its ids list carries all. */
    static final int RECENT_SIGHTINGS = 20;

    /** A track, with the positions of the sightings behind it that {@code sightings} still knows. */
    static org.skyfleet.proto.v1.Track track(Track t, Function<String, Optional<Sighting>> sightings) {
        var b = track(t).toBuilder();
        List<String> ids = t.sightingIds();
        for (String id : ids.subList(Math.max(0, ids.size() - RECENT_SIGHTINGS), ids.size())) {
            sightings.apply(id).ifPresent(s -> b.addRecentSightings(TrackSighting.newBuilder().setSightingId(s.id())
                    .setSource(SightingSource.valueOf("SIGHTING_SOURCE_" + s.sourceKind().name())).setSourceId(s.sourceId())
                    .setPosition(org.skyfleet.proto.v1.GeoPoint.newBuilder().setLatDeg(s.latDeg()).setLonDeg(s.lonDeg()))
                    .setTime(ProtoMapper.timestamp(Instant.ofEpochMilli(s.timeMs()))).setConfidence(s.confidence())
                    .setImageRef(s.imageRef().orElse(""))));
        }
        return b.build();
    }

    static org.skyfleet.proto.v1.Track track(Track t) {
        PositionEllipse e = t.ellipse95();
        var b = org.skyfleet.proto.v1.Track.newBuilder().setTrackId(t.id())
                .setState(TrackState.valueOf("TRACK_STATE_" + t.state().name()))
                .setTargetClass(org.skyfleet.proto.v1.TargetClass.valueOf("TARGET_CLASS_" + t.targetClass().name()))
                .setPosition(org.skyfleet.proto.v1.GeoPoint.newBuilder().setLatDeg(t.latDeg()).setLonDeg(t.lonDeg()))
                .setVelocityEastMS(t.velocityEastMps()).setVelocityNorthMS(t.velocityNorthMps())
                .setCovariance(Covariance2.newBuilder().setEastEastM2(t.positionCovariance().eastVarM2())
                        .setEastNorthM2(t.positionCovariance().eastNorthCovM2())
                        .setNorthNorthM2(t.positionCovariance().northVarM2()))
                .setEllipse95(Ellipse.newBuilder().setSemiMajorM(e.semiMajorM()).setSemiMinorM(e.semiMinorM())
                        .setOrientationDeg(e.majorAxisBearingDeg()))
                .addAllSightingIds(t.sightingIds())
                .setFirstSeen(ProtoMapper.timestamp(Instant.ofEpochMilli(t.firstUpdateMs())))
                .setLastUpdate(ProtoMapper.timestamp(Instant.ofEpochMilli(t.lastUpdateMs())))
                .setConfidence(t.confidence())
                .setIncidentId(t.incidentId().orElse(""));
        return b.build();
    }
}
