package org.skyfleet.fleet.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.skyfleet.fleet.geofence.AltitudeBand;
import org.skyfleet.fleet.geofence.AltitudeReference;
import org.skyfleet.fleet.geofence.BreachPolicy;
import org.skyfleet.fleet.geofence.GateKind;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneApplicability;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneSchedule;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

/**
 * A zone as JSON text, field by field (not by reflection: renaming a Java field must not change stored
 * data). The band's open ends are infinite, which JSON numbers cannot hold: non-finite values are written
 * as the strings Java prints for them. Times as epoch nanoseconds.
 */
final class ZoneJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ZoneJson() {
    }

    static String write(Zone z) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", z.name());
        n.put("kind", z.kind().name());
        n.put("category", z.category().name());
        if (z.gateKind() != null) {
            n.put("gateKind", z.gateKind().name());
        }
        n.put("policy", z.policy().name());
        writeShape(n.putObject("shape"), z.shape());
        ObjectNode band = n.putObject("band");
        putDouble(band, "floorM", z.band().floorM());
        putDouble(band, "ceilingM", z.band().ceilingM());
        band.put("reference", z.band().reference().name());
        z.scheduleIfAny().ifPresent(s -> writeSchedule(n.putObject("schedule"), s, z.id()));
        ObjectNode applies = n.putObject("appliesTo");
        ArrayNode ids = applies.putArray("vehicleIds");
        z.appliesTo().vehicleIds().stream().sorted().forEach(ids::add);
        ArrayNode kinds = applies.putArray("vehicleKinds");
        z.appliesTo().vehicleKinds().stream().sorted().forEach(k -> kinds.add(k.name()));
        return n.toString();
    }

    static Zone read(String zoneId, String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            JsonNode band = n.get("band");
            JsonNode applies = n.get("appliesTo");
            Set<String> ids = new HashSet<>();
            applies.get("vehicleIds").forEach(v -> ids.add(v.asText()));
            Set<VehicleKind> kinds = EnumSet.noneOf(VehicleKind.class);
            applies.get("vehicleKinds").forEach(v -> kinds.add(VehicleKind.valueOf(v.asText())));
            return new Zone(zoneId, n.get("name").asText(), readShape(n.get("shape")), ZoneKind.valueOf(n.get("kind").asText()),
                    new AltitudeBand(readDouble(band.get("floorM")), readDouble(band.get("ceilingM")),
                            AltitudeReference.valueOf(band.get("reference").asText())),
                    n.has("schedule") ? readSchedule(n.get("schedule")) : null,
                    ZoneCategory.valueOf(n.get("category").asText()), new ZoneApplicability(ids, kinds),
                    BreachPolicy.valueOf(n.get("policy").asText()),
                    n.has("gateKind") ? GateKind.valueOf(n.get("gateKind").asText()) : null);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("stored zone " + zoneId + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void writeShape(ObjectNode n, ZoneShape shape) {
        if (shape instanceof ZoneShape.Polygon p) {
            n.put("type", "polygon");
            writeRing(n.putArray("outer"), p.polygon().outer());
            ArrayNode holes = n.putArray("holes");
            p.polygon().holes().forEach(h -> writeRing(holes.addArray(), h));
        } else if (shape instanceof ZoneShape.Circle c) {
            n.put("type", "circle");
            n.put("centreLatDeg", c.centre().latDeg());
            n.put("centreLonDeg", c.centre().lonDeg());
            n.put("radiusM", c.radiusM());
        }
    }

    private static ZoneShape readShape(JsonNode n) {
        if ("circle".equals(n.get("type").asText())) {
            return new ZoneShape.Circle(new GeoPoint(n.get("centreLatDeg").doubleValue(), n.get("centreLonDeg").doubleValue()),
                    n.get("radiusM").doubleValue());
        }
        List<List<GeoPoint>> holes = new ArrayList<>();
        n.get("holes").forEach(h -> holes.add(readRing(h)));
        return new ZoneShape.Polygon(new GeoPolygon(readRing(n.get("outer")), holes));
    }

    private static void writeRing(ArrayNode out, List<GeoPoint> ring) {
        for (GeoPoint p : ring) {
            out.addArray().add(p.latDeg()).add(p.lonDeg());
        }
    }

    private static List<GeoPoint> readRing(JsonNode ring) {
        List<GeoPoint> out = new ArrayList<>();
        ring.forEach(p -> out.add(new GeoPoint(p.get(0).doubleValue(), p.get(1).doubleValue())));
        return out;
    }

    private static void writeSchedule(ObjectNode n, ZoneSchedule schedule, String zoneId) {
        if (schedule instanceof ZoneSchedule.Weekly w) {
            n.put("type", "weekly");
            ArrayNode days = n.putArray("days");
            w.days().stream().sorted().forEach(d -> days.add(d.name()));
            n.put("startLocal", w.startLocal().toString());
            n.put("endLocal", w.endLocal().toString());
            n.put("timeZoneId", w.timeZoneId());
        } else if (schedule instanceof ZoneSchedule.Between b) {
            n.put("type", "between");
            if (b.from() != null) {
                n.put("fromNs", Transactions.nanos(b.from(), "zone " + zoneId + " schedule start"));
            }
            if (b.until() != null) {
                n.put("untilNs", Transactions.nanos(b.until(), "zone " + zoneId + " schedule end"));
            }
        }
    }

    private static ZoneSchedule readSchedule(JsonNode n) {
        if ("weekly".equals(n.get("type").asText())) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            n.get("days").forEach(d -> days.add(DayOfWeek.valueOf(d.asText())));
            return new ZoneSchedule.Weekly(days, LocalTime.parse(n.get("startLocal").asText()),
                    LocalTime.parse(n.get("endLocal").asText()), n.get("timeZoneId").asText());
        }
        return new ZoneSchedule.Between(n.has("fromNs") ? Transactions.instant(n.get("fromNs").longValue()) : null,
                n.has("untilNs") ? Transactions.instant(n.get("untilNs").longValue()) : null);
    }

    private static void putDouble(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.put(field, Double.toString(v));
        }
    }

    private static double readDouble(JsonNode n) {
        return n.isTextual() ? Double.parseDouble(n.asText()) : n.doubleValue();
    }
}
