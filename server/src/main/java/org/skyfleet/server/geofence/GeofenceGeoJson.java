package org.skyfleet.server.geofence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.skyfleet.fleet.geofence.AltitudeBand;
import org.skyfleet.fleet.geofence.AltitudeReference;
import org.skyfleet.fleet.geofence.BreachPolicy;
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

/**
 * Zones as a GeoJSON FeatureCollection (RFC 7946, positions {@code [lon, lat]}). Each feature's
 * properties carry the rest of the zone: {@code id, name, kind, category, floorM, ceilingM} (absent for
 * no limit), {@code altitudeReference, breachPolicy, vehicleIds, vehicleKinds}, {@code schedule}
 * ({@code {"weekly": {"days": ["FRIDAY"], "startLocal": "18:00", "endLocal": "23:00", "timeZone":
 * "Europe/London"}}} or {@code {"from": ISO-8601, "until": ISO-8601}}) and, for circles,
 * {@code circle: {centreLatDeg, centreLonDeg, radiusM}} beside a 64-sided polygon for other tools.
 * A Point feature with a {@code radiusM} property imports as a circle.
 */
public final class GeofenceGeoJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CIRCLE_SIDES = 64;

    private GeofenceGeoJson() {
    }

    static String export(Collection<Zone> zones) {
        ObjectNode root = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        for (Zone z : zones) {
            ObjectNode f = features.addObject().put("type", "Feature");
            ObjectNode g = f.putObject("geometry").put("type", "Polygon");
            ArrayNode rings = g.putArray("coordinates");
            ObjectNode p = f.putObject("properties").put("id", z.id()).put("name", z.name())
                    .put("kind", z.kind().name()).put("category", z.category().name())
                    .put("altitudeReference", z.band().reference().name()).put("breachPolicy", z.policy().name());
            if (z.gateKind() != null) {
                p.put("gateKind", z.gateKind().name());
            }
            if (Double.isFinite(z.band().floorM())) {
                p.put("floorM", z.band().floorM());
            }
            if (Double.isFinite(z.band().ceilingM())) {
                p.put("ceilingM", z.band().ceilingM());
            }
            z.appliesTo().vehicleIds().stream().sorted().forEach(p.putArray("vehicleIds")::add);
            ArrayNode kinds = p.putArray("vehicleKinds");
            z.appliesTo().vehicleKinds().stream().sorted().forEach(k -> kinds.add(k.name()));
            if (z.shape() instanceof ZoneShape.Circle c) {
                p.putObject("circle").put("centreLatDeg", c.centre().latDeg()).put("centreLonDeg", c.centre().lonDeg())
                        .put("radiusM", c.radiusM());
                ring(rings, circleRing(c));
            } else {
                GeoPolygon poly = ((ZoneShape.Polygon) z.shape()).polygon();
                ring(rings, poly.outer());
                poly.holes().forEach(h -> ring(rings, h));
            }
            if (z.schedule() instanceof ZoneSchedule.Weekly w) {
                ObjectNode wn = p.putObject("schedule").putObject("weekly").put("startLocal", w.startLocal().toString())
                        .put("endLocal", w.endLocal().toString()).put("timeZone", w.timeZoneId());
                ArrayNode days = wn.putArray("days");
                w.days().stream().sorted().forEach(d -> days.add(d.name()));
            } else if (z.schedule() instanceof ZoneSchedule.Between b) {
                ObjectNode s = p.putObject("schedule");
                if (b.from() != null) {
                    s.put("from", b.from().toString());
                }
                if (b.until() != null) {
                    s.put("until", b.until().toString());
                }
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("GeoJSON export failed", e);
        }
    }

    /**
     * The zones of a FeatureCollection, not yet validated.
     *
     * @throws IllegalArgumentException naming the feature and the field that cannot be read
     */
    public static List<Zone> parse(String geojson) {
        JsonNode root;
        try {
            root = JSON.readTree(geojson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new IllegalArgumentException("expected a GeoJSON FeatureCollection");
        }
        List<Zone> zones = new ArrayList<>();
        JsonNode features = root.path("features");
        for (int i = 0; i < features.size(); i++) {
            zones.add(feature(i, features.get(i)));
        }
        return zones;
    }

    private static Zone feature(int i, JsonNode f) {
        JsonNode p = f.path("properties");
        String id = p.path("id").asText("");
        String where = "feature " + i + (id.isEmpty() ? "" : " (id " + id + ")");
        ZoneShape shape = shape(where, f.path("geometry"), p);
        double floor = p.has("floorM") ? p.get("floorM").asDouble() : Double.NEGATIVE_INFINITY;
        double ceiling = p.has("ceilingM") ? p.get("ceilingM").asDouble() : Double.POSITIVE_INFINITY;
        AltitudeReference ref = named(where, "altitudeReference", p, AltitudeReference.class,
                AltitudeReference.ABOVE_GROUND_RELATIVE_TO_HOME);
        Set<String> ids = new HashSet<>();
        p.path("vehicleIds").forEach(n -> ids.add(n.asText()));
        Set<VehicleKind> kinds = EnumSet.noneOf(VehicleKind.class);
        p.path("vehicleKinds").forEach(n -> kinds.add(value(where, "vehicleKinds", n.asText(), VehicleKind.class)));
        return new Zone(id, p.path("name").asText(id), shape, named(where, "kind", p, ZoneKind.class, null),
                new AltitudeBand(floor, ceiling, ref), schedule(where, p.path("schedule")),
                named(where, "category", p, ZoneCategory.class, null), new ZoneApplicability(ids, kinds),
                named(where, "breachPolicy", p, BreachPolicy.class, BreachPolicy.WARN),
                p.has("gateKind") ? named(where, "gateKind", p, GateKind.class, null) : null);
    }

    private static ZoneShape shape(String where, JsonNode g, JsonNode p) {
        if (p.has("circle")) {
            JsonNode c = p.get("circle");
            return new ZoneShape.Circle(new GeoPoint(c.path("centreLatDeg").asDouble(Double.NaN),
                    c.path("centreLonDeg").asDouble(Double.NaN)), c.path("radiusM").asDouble(Double.NaN));
        }
        String type = g.path("type").asText("");
        if ("Point".equals(type) && p.has("radiusM")) {
            return new ZoneShape.Circle(position(g.path("coordinates")), p.get("radiusM").asDouble());
        }
        if (!"Polygon".equals(type) || g.path("coordinates").size() == 0) {
            throw new IllegalArgumentException(where + ": geometry '" + type
                    + "' is not supported; use a Polygon, or a Point with a radiusM property");
        }
        List<List<GeoPoint>> rings = new ArrayList<>();
        g.get("coordinates").forEach(r -> {
            List<GeoPoint> ring = new ArrayList<>();
            r.forEach(pos -> ring.add(position(pos)));
            rings.add(ring);
        });
        return new ZoneShape.Polygon(new GeoPolygon(rings.get(0), rings.subList(1, rings.size())));
    }

    private static ZoneSchedule schedule(String where, JsonNode s) {
        if (s.isMissingNode() || s.isNull()) {
            return null;
        }
        try {
            if (s.has("weekly")) {
                JsonNode w = s.get("weekly");
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                w.path("days").forEach(d -> days.add(value(where, "days", d.asText(), DayOfWeek.class)));
                return new ZoneSchedule.Weekly(days, LocalTime.parse(w.path("startLocal").asText()),
                        LocalTime.parse(w.path("endLocal").asText()), w.path("timeZone").asText());
            }
            return new ZoneSchedule.Between(s.has("from") ? Instant.parse(s.get("from").asText()) : null,
                    s.has("until") ? Instant.parse(s.get("until").asText()) : null);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": schedule time '" + e.getParsedString()
                    + "' cannot be read (local times HH:MM, instants ISO-8601 such as 2026-11-27T18:00:00Z)");
        }
    }

    private static <E extends Enum<E>> E named(String where, String field, JsonNode p, Class<E> type, E fallback) {
        if (!p.hasNonNull(field)) {
            if (fallback == null) {
                throw new IllegalArgumentException(where + ": property '" + field + "' is required, one of "
                        + Arrays.toString(type.getEnumConstants()));
            }
            return fallback;
        }
        return value(where, field, p.get(field).asText(), type);
    }

    private static <E extends Enum<E>> E value(String where, String field, String text, Class<E> type) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + field + " '" + text + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static GeoPoint position(JsonNode pos) {
        return new GeoPoint(pos.path(1).asDouble(Double.NaN), pos.path(0).asDouble(Double.NaN));
    }

    private static void ring(ArrayNode rings, List<GeoPoint> points) {
        ArrayNode r = rings.addArray();
        points.forEach(g -> r.addArray().add(g.lonDeg()).add(g.latDeg()));
        if (!points.isEmpty() && !points.get(0).equals(points.get(points.size() - 1))) {
            r.addArray().add(points.get(0).lonDeg()).add(points.get(0).latDeg());
        }
    }

    private static List<GeoPoint> circleRing(ZoneShape.Circle c) {
        org.skyfleet.planner.geo.LocalFrame frame = new org.skyfleet.planner.geo.LocalFrame(c.centre());
        List<GeoPoint> ring = new ArrayList<>(CIRCLE_SIDES);
        for (int k = 0; k < CIRCLE_SIDES; k++) {
            double a = 2 * Math.PI * k / CIRCLE_SIDES;
            ring.add(frame.toGeo(c.radiusM() * Math.sin(a), c.radiusM() * Math.cos(a)));
        }
        return ring;
    }
}
