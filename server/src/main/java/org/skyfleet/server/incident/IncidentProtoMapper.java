package org.skyfleet.server.incident;

import io.grpc.Status;
import java.time.Instant;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.MissingPerson;
import org.skyfleet.fleet.incident.NewIncident;
import org.skyfleet.fleet.incident.SearchAssignment;
import org.skyfleet.fleet.incident.SearchStatus;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.search.SubjectCategory;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.IncidentState;
import org.skyfleet.proto.v1.SearchState;
import org.skyfleet.proto.v1.TimelineKind;
import org.skyfleet.server.grpc.ProtoMapper;

/** Incidents between the API's messages and the domain. */
public final class IncidentProtoMapper {
    private IncidentProtoMapper() {
    }

    /** INVALID_ARGUMENT for a request that cannot be an incident. */
    public static NewIncident fromRequest(CreateIncidentRequest r, Instant now) {
        IncidentType type = switch (r.getType()) {
            case INCIDENT_TYPE_MISSING_PERSON -> IncidentType.MISSING_PERSON;
            case INCIDENT_TYPE_SUSPECT -> IncidentType.SUSPECT;
            case INCIDENT_TYPE_TRAFFIC -> IncidentType.TRAFFIC;
            case INCIDENT_TYPE_DISASTER -> IncidentType.DISASTER;
            case INCIDENT_TYPE_OTHER -> IncidentType.OTHER;
            case INCIDENT_TYPE_FIRE -> IncidentType.FIRE;
            case INCIDENT_TYPE_DISTURBANCE -> IncidentType.DISTURBANCE;
            default -> throw invalid("type: required (MISSING_PERSON, SUSPECT, TRAFFIC, DISASTER, FIRE, DISTURBANCE or OTHER)");
        };
        IncidentPriority priority = switch (r.getPriority()) {
            case INCIDENT_PRIORITY_P1 -> IncidentPriority.P1;
            case INCIDENT_PRIORITY_P2 -> IncidentPriority.P2;
            case INCIDENT_PRIORITY_P3 -> IncidentPriority.P3;
            default -> throw invalid("priority: required (P1, P2 or P3)");
        };
        if (!r.hasLocation()) {
            throw invalid("location: required");
        }
        Instant reportedAt = r.hasReportedAt() ? ProtoMapper.instant(r.getReportedAt()) : now;
        MissingPerson mp = null;
        if (r.hasMissingPerson()) {
            var m = r.getMissingPerson();
            GeoPoint lkp = m.hasLastKnownPoint() ? ProtoMapper.point(m.getLastKnownPoint()) : ProtoMapper.point(r.getLocation());
            mp = new MissingPerson(lkp, m.hasLastSeen() ? ProtoMapper.instant(m.getLastSeen()) : reportedAt,
                    category(m.getCategory(), m.getAgeYears()), m.getAgeYears());
            if (m.getAgeYears() > 130) {
                throw invalid("missing_person.age_years: " + m.getAgeYears() + " is not an age");
            }
        }
        return new NewIncident(r.getExternalId(), type, priority, ProtoMapper.point(r.getLocation()), r.getSubjectDescription(), mp,
                reportedAt);
    }

    private static SubjectCategory category(org.skyfleet.proto.v1.SubjectCategory c, int ageYears) {
        return switch (c) {
            case SUBJECT_CATEGORY_DEMENTIA -> SubjectCategory.DEMENTIA;
            case SUBJECT_CATEGORY_CHILD_1_3 -> SubjectCategory.CHILD_1_3;
            case SUBJECT_CATEGORY_CHILD_4_6 -> SubjectCategory.CHILD_4_6;
            case SUBJECT_CATEGORY_CHILD_7_12 -> SubjectCategory.CHILD_7_12;
            case SUBJECT_CATEGORY_CHILD_13_15 -> SubjectCategory.CHILD_13_15;
            case SUBJECT_CATEGORY_HIKER -> SubjectCategory.HIKER;
            case SUBJECT_CATEGORY_DESPONDENT -> SubjectCategory.DESPONDENT;
            case SUBJECT_CATEGORY_AUTISTIC -> SubjectCategory.AUTISTIC;
            case SUBJECT_CATEGORY_OTHER -> SubjectCategory.OTHER;
            case SUBJECT_CATEGORY_UNSPECIFIED -> byAge(ageYears);
            default -> throw invalid("missing_person.category: unknown value " + c.getNumber());
        };
    }

    /** A child's category follows from the age; an adult of unknown circumstances is OTHER. */
    private static SubjectCategory byAge(int age) {
        if (age >= 1 && age <= 3) {
            return SubjectCategory.CHILD_1_3;
        } else if (age >= 4 && age <= 6) {
            return SubjectCategory.CHILD_4_6;
        } else if (age >= 7 && age <= 12) {
            return SubjectCategory.CHILD_7_12;
        } else if (age >= 13 && age <= 15) {
            return SubjectCategory.CHILD_13_15;
        }
        return SubjectCategory.OTHER;
    }

    public static org.skyfleet.proto.v1.Incident toProto(Incident i) {
        var b = org.skyfleet.proto.v1.Incident.newBuilder()
                .setIncidentId(i.incidentId())
                .setExternalId(i.externalId())
                .setType(org.skyfleet.proto.v1.IncidentType.valueOf("INCIDENT_TYPE_" + i.type().name()))
                .setPriority(org.skyfleet.proto.v1.IncidentPriority.valueOf("INCIDENT_PRIORITY_" + i.priority().name()))
                .setState(i.open() ? IncidentState.INCIDENT_STATE_OPEN : IncidentState.INCIDENT_STATE_CLOSED)
                .setLocation(ProtoMapper.point(i.location()))
                .setReportedAt(ProtoMapper.timestamp(i.reportedAt()))
                .setSubjectDescription(i.subjectDescription())
                .setSearch(search(i.search()))
                .addAllTrackIds(i.trackIds())
                .addAllUnitIds(i.unitIds())
                .setCloseReason(i.closeReason());
        if (i.missingPerson() != null) {
            MissingPerson m = i.missingPerson();
            b.setMissingPerson(org.skyfleet.proto.v1.MissingPerson.newBuilder().setLastKnownPoint(ProtoMapper.point(m.lastKnownPoint()))
                    .setLastSeen(ProtoMapper.timestamp(m.lastSeen()))
                    .setCategory(org.skyfleet.proto.v1.SubjectCategory.valueOf("SUBJECT_CATEGORY_" + m.category().name()))
                    .setAgeYears(m.ageYears()));
        }
        if (i.closedAt() != null) {
            b.setClosedAt(ProtoMapper.timestamp(i.closedAt()));
        }
        i.timeline().forEach(e -> b.addTimeline(entry(e)));
        return b.build();
    }

    public static org.skyfleet.proto.v1.TimelineEntry entry(TimelineEntry e) {
        return org.skyfleet.proto.v1.TimelineEntry.newBuilder().setTime(ProtoMapper.timestamp(e.time()))
                .setKind(TimelineKind.valueOf("TIMELINE_KIND_" + e.kind().name())).setText(e.text()).setActor(e.actor())
                .setVehicleId(e.vehicleId()).setTrackId(e.trackId()).setUnitId(e.unitId()).setSightingId(e.sightingId())
                .setCode(e.code()).putAllParams(e.params())
                .build();
    }

    private static org.skyfleet.proto.v1.SearchStatus search(SearchStatus s) {
        var b = org.skyfleet.proto.v1.SearchStatus.newBuilder().setState(SearchState.valueOf("SEARCH_STATE_" + s.state().name()))
                .setExpectedProbabilityOfSuccess(s.expectedProbabilityOfSuccess())
                .setCumulativeProbabilityOfSuccess(s.cumulativeProbabilityOfSuccess())
                .addAllLeftOut(s.leftOut());
        if (s.approvalDeadline() != null) {
            b.setApprovalDeadline(ProtoMapper.timestamp(s.approvalDeadline()));
        }
        for (SearchAssignment a : s.assignments()) {
            b.addAssignments(org.skyfleet.proto.v1.SearchAssignment.newBuilder().setVehicleId(a.vehicleId())
                    .setMissionId(a.missionId() == null ? "" : a.missionId()).addAllSegmentIds(a.segmentIds())
                    .setPlannedFlightTimeS(a.plannedFlightTimeS()).setBatteryAtEndPercent(a.batteryAtEndPercent()));
        }
        return b.build();
    }

    static io.grpc.StatusRuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }
}
