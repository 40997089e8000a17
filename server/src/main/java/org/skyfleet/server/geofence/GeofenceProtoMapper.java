package org.skyfleet.server.geofence;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.skyfleet.fleet.geofence.AltitudeBand;
import org.skyfleet.fleet.geofence.AltitudeReference;
import org.skyfleet.fleet.geofence.BreachPolicy;
import org.skyfleet.fleet.geofence.BreachReason;
import org.skyfleet.fleet.geofence.RouteBreach;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneApplicability;
import org.skyfleet.fleet.geofence.GateKind;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneSchedule;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.proto.v1.GeofenceAltitudeReference;
import org.skyfleet.proto.v1.GeofenceBreachPolicy;
import org.skyfleet.proto.v1.GeofenceBreachReason;
import org.skyfleet.proto.v1.GeofenceCategory;
import org.skyfleet.proto.v1.GeofenceCircle;
import org.skyfleet.proto.v1.GeofencePeriod;
import org.skyfleet.proto.v1.GeofenceSchedule;
import org.skyfleet.proto.v1.GeofenceWeeklyWindow;
import org.skyfleet.proto.v1.GeofenceZone;
import org.skyfleet.proto.v1.GeofenceZoneKind;
import org.skyfleet.proto.v1.Polygon;
import org.skyfleet.proto.v1.Ring;
import org.skyfleet.proto.v1.RouteZoneBreach;
import org.skyfleet.proto.v1.VehicleType;

/** Proto {@code GeofenceZone} and friends to and from the domain; what cannot be mapped is INVALID_ARGUMENT. */
public final class GeofenceProtoMapper {
    private GeofenceProtoMapper() {
    }

    static Zone zone(GeofenceZone z) {
        String id = z.getZoneId();
        return new Zone(id, z.getName().isEmpty() ? id : z.getName(), shape(z), kind(z), band(z),
                z.hasSchedule() ? schedule(id, z.getSchedule()) : null, category(z), applicability(z),
                policy(z.getBreachPolicy()), gateKind(z));
    }

    /** Null when unset; a gate category without one (or with one of the other category) fails in the zone itself. */
    static GateKind gateKind(GeofenceZone z) {
        if (z.getGateKind() == org.skyfleet.proto.v1.GateKind.GATE_KIND_UNSPECIFIED) {
            return null;
        }
        if (z.getGateKind() == org.skyfleet.proto.v1.GateKind.UNRECOGNIZED) {
            throw invalid("zone '" + z.getZoneId() + "' has a gate kind this server does not know");
        }
        return GateKind.valueOf(z.getGateKind().name().substring("GATE_KIND_".length()));
    }

    public static GeofenceZone proto(Zone z) {
        GeofenceZone.Builder b = GeofenceZone.newBuilder().setZoneId(z.id()).setName(z.name())
                .setKind(z.kind() == ZoneKind.INCLUSION ? GeofenceZoneKind.GEOFENCE_ZONE_KIND_INCLUSION
                        : GeofenceZoneKind.GEOFENCE_ZONE_KIND_EXCLUSION)
                .setAltitudeReference(z.band().reference() == AltitudeReference.AMSL
                        ? GeofenceAltitudeReference.GEOFENCE_ALTITUDE_REFERENCE_AMSL
                        : GeofenceAltitudeReference.GEOFENCE_ALTITUDE_REFERENCE_RELATIVE_TO_HOME)
                .setCategory(GeofenceCategory.valueOf("GEOFENCE_CATEGORY_" + z.category().name()))
                .setBreachPolicy(GeofenceBreachPolicy.valueOf("GEOFENCE_BREACH_POLICY_" + z.policy().name()))
                .addAllVehicleIds(z.appliesTo().vehicleIds().stream().sorted().toList());
        if (z.gateKind() != null) {
            b.setGateKind(org.skyfleet.proto.v1.GateKind.valueOf("GATE_KIND_" + z.gateKind().name()));
        }
        z.appliesTo().vehicleKinds().stream().sorted().forEach(k -> b.addVehicleTypes(vehicleType(k)));
        if (Double.isFinite(z.band().floorM())) {
            b.setFloorM(z.band().floorM());
        }
        if (Double.isFinite(z.band().ceilingM())) {
            b.setCeilingM(z.band().ceilingM());
        }
        if (z.shape() instanceof ZoneShape.Circle c) {
            b.setCircle(GeofenceCircle.newBuilder().setCentre(point(c.centre())).setRadiusM(c.radiusM()));
        } else {
            GeoPolygon p = ((ZoneShape.Polygon) z.shape()).polygon();
            Polygon.Builder pb = Polygon.newBuilder();
            p.outer().forEach(g -> pb.addOuter(point(g)));
            for (List<GeoPoint> hole : p.holes()) {
                Ring.Builder rb = Ring.newBuilder();
                hole.forEach(g -> rb.addPoints(point(g)));
                pb.addHoles(rb);
            }
            b.setPolygon(pb);
        }
        if (z.schedule() instanceof ZoneSchedule.Weekly w) {
            GeofenceWeeklyWindow.Builder wb = GeofenceWeeklyWindow.newBuilder().setStartLocal(w.startLocal().toString())
                    .setEndLocal(w.endLocal().toString()).setTimeZone(w.timeZoneId());
            w.days().stream().sorted().forEach(d -> wb.addIsoDays(d.getValue()));
            b.setSchedule(GeofenceSchedule.newBuilder().setWeekly(wb));
        } else if (z.schedule() instanceof ZoneSchedule.Between p) {
            GeofencePeriod.Builder pb = GeofencePeriod.newBuilder();
            if (p.from() != null) {
                pb.setFrom(timestamp(p.from()));
            }
            if (p.until() != null) {
                pb.setUntil(timestamp(p.until()));
            }
            b.setSchedule(GeofenceSchedule.newBuilder().setPeriod(pb));
        }
        return b.build();
    }

    static RouteZoneBreach routeBreach(RouteBreach r) {
        return RouteZoneBreach.newBuilder().setLegIndex(r.legIndex()).setZoneId(r.zone().id())
                .setZoneName(r.zone().name()).setReason(reason(r.reason())).setWhere(point(r.where()))
                .setAltRelM(r.altRelM()).setDistanceAlongLegM(r.distanceAlongLegM()).setMessage(r.message()).build();
    }

    static GeofenceBreachReason reason(BreachReason r) {
        return GeofenceBreachReason.valueOf("GEOFENCE_BREACH_REASON_" + r.name());
    }

    /** The domain kind of a vehicle type; null for unspecified. */
    static VehicleKind vehicleKind(VehicleType t) {
        return switch (t) {
            case VEHICLE_TYPE_MULTICOPTER -> VehicleKind.MULTICOPTER;
            case VEHICLE_TYPE_FIXED_WING -> VehicleKind.FIXED_WING;
            case VEHICLE_TYPE_VTOL -> VehicleKind.VTOL;
            case VEHICLE_TYPE_GROUND_ROVER -> VehicleKind.GROUND_ROVER;
            case VEHICLE_TYPE_SURFACE_BOAT -> VehicleKind.SURFACE_BOAT;
            case VEHICLE_TYPE_HELICOPTER -> VehicleKind.HELICOPTER;
            case VEHICLE_TYPE_OTHER -> VehicleKind.OTHER;
            case VEHICLE_TYPE_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    static VehicleType vehicleType(VehicleKind k) {
        return VehicleType.valueOf("VEHICLE_TYPE_" + k.name());
    }

    static Instant instant(Timestamp t) {
        return org.skyfleet.server.grpc.ProtoMapper.instant(t);
    }

    static Timestamp timestamp(Instant t) {
        return org.skyfleet.server.grpc.ProtoMapper.timestamp(t);
    }

    static StatusRuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }

    private static ZoneShape shape(GeofenceZone z) {
        return switch (z.getShapeCase()) {
            case POLYGON -> new ZoneShape.Polygon(new GeoPolygon(points(z.getPolygon().getOuterList()),
                    z.getPolygon().getHolesList().stream().map(r -> points(r.getPointsList())).toList()));
            case CIRCLE -> new ZoneShape.Circle(geo(z.getCircle().getCentre()), z.getCircle().getRadiusM());
            case SHAPE_NOT_SET -> throw invalid("zone '" + z.getZoneId() + "' needs a shape: a polygon or a circle");
        };
    }

    private static ZoneKind kind(GeofenceZone z) {
        return switch (z.getKind()) {
            case GEOFENCE_ZONE_KIND_INCLUSION -> ZoneKind.INCLUSION;
            case GEOFENCE_ZONE_KIND_EXCLUSION -> ZoneKind.EXCLUSION;
            default -> throw invalid("zone '" + z.getZoneId()
                    + "' needs a kind: GEOFENCE_ZONE_KIND_INCLUSION (operating area) or GEOFENCE_ZONE_KIND_EXCLUSION (no-fly)");
        };
    }

    private static AltitudeBand band(GeofenceZone z) {
        double floor = z.hasFloorM() ? z.getFloorM() : Double.NEGATIVE_INFINITY;
        double ceiling = z.hasCeilingM() ? z.getCeilingM() : Double.POSITIVE_INFINITY;
        return new AltitudeBand(floor, ceiling, z.getAltitudeReference() == GeofenceAltitudeReference.GEOFENCE_ALTITUDE_REFERENCE_AMSL
                ? AltitudeReference.AMSL : AltitudeReference.ABOVE_GROUND_RELATIVE_TO_HOME);
    }

    private static ZoneCategory category(GeofenceZone z) {
        if (z.getCategory() == GeofenceCategory.GEOFENCE_CATEGORY_UNSPECIFIED || z.getCategory() == GeofenceCategory.UNRECOGNIZED) {
            throw invalid("zone '" + z.getZoneId() + "' needs a category: AIRPORT, PRISON, CROWD_EVENT, "
                    + "TEMPORARY_RESTRICTION, POLICE_OPERATING_AREA, SEA_GATE, VESSEL_EXCLUSION, CITY_GATE or SMALL_GATE");
        }
        return ZoneCategory.valueOf(z.getCategory().name().substring("GEOFENCE_CATEGORY_".length()));
    }

    private static BreachPolicy policy(GeofenceBreachPolicy p) {
        return switch (p) {
            case GEOFENCE_BREACH_POLICY_HOLD -> BreachPolicy.HOLD;
            case GEOFENCE_BREACH_POLICY_RETURN_TO_LAUNCH -> BreachPolicy.RETURN_TO_LAUNCH;
            default -> BreachPolicy.WARN;
        };
    }

    private static ZoneApplicability applicability(GeofenceZone z) {
        Set<VehicleKind> kinds = EnumSet.noneOf(VehicleKind.class);
        for (VehicleType t : z.getVehicleTypesList()) {
            VehicleKind k = vehicleKind(t);
            if (k != null) {
                kinds.add(k);
            }
        }
        return new ZoneApplicability(Set.copyOf(z.getVehicleIdsList()), kinds);
    }

    private static ZoneSchedule schedule(String id, GeofenceSchedule s) {
        return switch (s.getWindowCase()) {
            case WEEKLY -> {
                GeofenceWeeklyWindow w = s.getWeekly();
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (int d : w.getIsoDaysList()) {
                    if (d < 1 || d > 7) {
                        throw invalid("zone '" + id + "': day " + d + " is not 1 (Monday) .. 7 (Sunday)");
                    }
                    days.add(DayOfWeek.of(d));
                }
                yield new ZoneSchedule.Weekly(days, localTime(id, "start_local", w.getStartLocal()),
                        localTime(id, "end_local", w.getEndLocal()), w.getTimeZone());
            }
            case PERIOD -> new ZoneSchedule.Between(s.getPeriod().hasFrom() ? instant(s.getPeriod().getFrom()) : null,
                    s.getPeriod().hasUntil() ? instant(s.getPeriod().getUntil()) : null);
            case WINDOW_NOT_SET -> null;
        };
    }

    private static LocalTime localTime(String id, String field, String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("zone '" + id + "': " + field + " '" + text + "' is not a local time HH:MM (e.g. 18:00)");
        }
    }

    private static List<GeoPoint> points(List<org.skyfleet.proto.v1.GeoPoint> ps) {
        return ps.stream().map(GeofenceProtoMapper::geo).toList();
    }

    private static GeoPoint geo(org.skyfleet.proto.v1.GeoPoint p) {
        return new GeoPoint(p.getLatDeg(), p.getLonDeg());
    }

    private static org.skyfleet.proto.v1.GeoPoint point(GeoPoint g) {
        return org.skyfleet.proto.v1.GeoPoint.newBuilder().setLatDeg(g.latDeg()).setLonDeg(g.lonDeg()).build();
    }
}
