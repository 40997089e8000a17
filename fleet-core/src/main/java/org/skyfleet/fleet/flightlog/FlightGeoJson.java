package org.skyfleet.fleet.flightlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One flight as a GeoJSON (RFC 7946) FeatureCollection: its track as a LineString of [longitude, latitude,
 * metres above home] positions (WGS-84), with the flight's figures and each point's time in the properties, and a
 * Point feature for each event at the track point nearest in time.
 */
public final class FlightGeoJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FlightGeoJson() {
    }

    public static String of(FlightRecord f) {
        ObjectNode root = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        ObjectNode track = features.addObject().put("type", "Feature");
        ObjectNode line = track.putObject("geometry").put("type", "LineString");
        ArrayNode coordinates = line.putArray("coordinates");
        ObjectNode props = track.putObject("properties");
        ArrayNode times = props.putArray("times");
        for (TrackPoint p : f.track()) {
            coordinates.addArray().add(p.lonDeg()).add(p.latDeg()).add(p.altRelM());
            times.add(p.at().toString());
        }
        props.put("flight_id", f.flightId()).put("vehicle_id", f.vehicleId()).put("airframe_profile", f.profileId())
                .put("battery_pack", f.packId()).put("flown_by", f.flownBy()).put("mission_id", f.missionId())
                .put("incident_id", f.incidentId()).put("takeoff_utc", f.takeoffAt().toString()).put("landing_utc", f.landingAt().toString())
                .put("duration_s", f.durationS()).put("distance_m", f.distanceM()).put("max_alt_rel_m", f.maxAltRelM());
        if (!Double.isNaN(f.batteryUsedPercent())) {
            props.put("battery_used_percent", f.batteryUsedPercent());
        }
        for (FlightEvent e : f.events()) {
            TrackPoint at = nearest(f, e);
            if (at == null) {
                continue;
            }
            ObjectNode point = features.addObject().put("type", "Feature");
            point.putObject("geometry").put("type", "Point").putArray("coordinates").add(at.lonDeg()).add(at.latDeg()).add(at.altRelM());
            point.putObject("properties").put("event", e.kind()).put("message", e.message()).put("time_utc", e.at().toString());
        }
        return root.toString();
    }

    private static TrackPoint nearest(FlightRecord f, FlightEvent e) {
        TrackPoint best = null;
        long bestMs = Long.MAX_VALUE;
        for (TrackPoint p : f.track()) {
            long d = Math.abs(p.at().toEpochMilli() - e.at().toEpochMilli());
            if (d < bestMs) {
                bestMs = d;
                best = p;
            }
        }
        return best;
    }
}
