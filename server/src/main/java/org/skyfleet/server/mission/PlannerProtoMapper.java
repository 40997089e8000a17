package org.skyfleet.server.mission;

import java.util.ArrayList;
import java.util.List;
import org.skyfleet.planner.PlanMetrics;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.WaypointAction;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.airspace.AirspaceZone;
import org.skyfleet.planner.energy.ReservePolicy;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.planner.validation.Violation;
import org.skyfleet.proto.v1.Polygon;
import org.skyfleet.proto.v1.Ring;

/** Geometry, airspace and route messages to and from the planner's records. */
final class PlannerProtoMapper {
    private PlannerProtoMapper() {
    }

    static GeoPoint point(org.skyfleet.proto.v1.GeoPoint p) {
        return org.skyfleet.server.grpc.ProtoMapper.point(p);
    }

    static org.skyfleet.proto.v1.GeoPoint point(GeoPoint p) {
        return org.skyfleet.server.grpc.ProtoMapper.point(p);
    }

    static GeoPolygon polygon(Polygon p) {
        List<List<GeoPoint>> holes = new ArrayList<>(p.getHolesCount());
        for (Ring r : p.getHolesList()) {
            holes.add(r.getPointsList().stream().map(PlannerProtoMapper::point).toList());
        }
        return new GeoPolygon(p.getOuterList().stream().map(PlannerProtoMapper::point).toList(), holes);
    }

    static Polygon polygon(GeoPolygon p) {
        Polygon.Builder b = Polygon.newBuilder();
        p.outer().forEach(g -> b.addOuter(point(g)));
        for (List<GeoPoint> hole : p.holes()) {
            Ring.Builder r = Ring.newBuilder();
            hole.forEach(g -> r.addPoints(point(g)));
            b.addHoles(r);
        }
        return b.build();
    }

    static AirspaceZone zone(org.skyfleet.proto.v1.AirspaceZone z) {
        return new AirspaceZone(z.getName(), polygon(z.getPolygon()), z.getFloorAltRelM(), z.getCeilingAltRelM());
    }

    static org.skyfleet.proto.v1.AirspaceZone zone(AirspaceZone z) {
        return org.skyfleet.proto.v1.AirspaceZone.newBuilder().setName(z.name()).setPolygon(polygon(z.polygon()))
                .setFloorAltRelM(z.floorAltRelM()).setCeilingAltRelM(z.ceilingAltRelM()).build();
    }

    static Airspace airspace(org.skyfleet.proto.v1.Airspace a, boolean present) {
        if (!present) {
            return Airspace.OPEN;
        }
        boolean defaultBand = a.getMinAltRelM() == 0 && a.getMaxAltRelM() == 0;
        return new Airspace(a.getInclusionsList().stream().map(PlannerProtoMapper::zone).toList(),
                a.getExclusionsList().stream().map(PlannerProtoMapper::zone).toList(),
                defaultBand ? Airspace.OPEN.minAltRelM() : a.getMinAltRelM(),
                defaultBand ? Airspace.OPEN.maxAltRelM() : a.getMaxAltRelM());
    }

    static ReservePolicy reserve(org.skyfleet.proto.v1.ReservePolicy r, boolean present) {
        if (!present || (r.getReservePercent() == 0 && r.getMinReserveS() == 0)) {
            return ReservePolicy.DEFAULT;
        }
        return new ReservePolicy(r.getReservePercent(), r.getMinReserveS());
    }

    static Waypoint waypoint(org.skyfleet.proto.v1.Waypoint w) {
        WaypointAction action = w.getActionValue() == 0 ? WaypointAction.NAVIGATE
                : WaypointAction.values()[checkedIndex(w.getActionValue() - 1, WaypointAction.values().length, "waypoint action")];
        return new Waypoint(w.getLatDeg(), w.getLonDeg(), w.getAltRelM(), action, w.getHoldS());
    }

    static org.skyfleet.proto.v1.Waypoint waypoint(Waypoint w) {
        return org.skyfleet.proto.v1.Waypoint.newBuilder().setLatDeg(w.latDeg()).setLonDeg(w.lonDeg())
                .setAltRelM(w.altRelM()).setActionValue(w.action().ordinal() + 1).setHoldS(w.holdS()).build();
    }

    static org.skyfleet.proto.v1.PlanMetrics metrics(PlanMetrics m) {
        return org.skyfleet.proto.v1.PlanMetrics.newBuilder().setLengthM(m.lengthM()).setTurns(m.turns())
                .setFlightTimeS(m.flightTimeS()).setAreaCoveredM2(m.areaCoveredM2()).setCoverageRatio(m.coverageRatio())
                .build();
    }

    static PlanMetrics metrics(org.skyfleet.proto.v1.PlanMetrics m) {
        return new PlanMetrics(m.getLengthM(), m.getTurns(), m.getFlightTimeS(), m.getAreaCoveredM2(), m.getCoverageRatio());
    }

    static org.skyfleet.proto.v1.Violation violation(Violation v) {
        return org.skyfleet.proto.v1.Violation.newBuilder().setRule(v.rule()).setItemIndex(v.itemIndex())
                .setMessage(v.message()).setWarning(v.severity() == Violation.Severity.WARNING).build();
    }

    static int checkedIndex(int index, int size, String what) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("unknown " + what + " " + (index + 1));
        }
        return index;
    }
}
