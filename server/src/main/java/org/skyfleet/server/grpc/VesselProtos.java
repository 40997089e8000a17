package org.skyfleet.server.grpc;

import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.skyfleet.fleet.vessel.PortFleetEntry;
import org.skyfleet.fleet.vessel.Vessel;
import org.skyfleet.proto.v1.BoundingBox;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.VesselFilter;

/** Vessels to their proto form, and a VesselFilter to a predicate. */
final class VesselProtos {
    private VesselProtos() {
    }

    static org.skyfleet.proto.v1.Vessel toProto(Vessel v, Instant now) {
        org.skyfleet.proto.v1.Vessel.Builder b = org.skyfleet.proto.v1.Vessel.newBuilder()
                .setMmsi(v.mmsi()).setName(v.name()).setCallSign(v.callSign()).setShipType(v.shipType()).setImo(v.imo())
                .setDestination(v.destination()).setNavStatus(v.navStatus()).setFishing(v.isFishing())
                .setLastHeard(ProtoMapper.timestamp(v.lastHeard()))
                .setLastHeardAgeS(Math.max(0, Duration.between(v.lastHeard(), now).toMillis() / 1000.0));
        if (v.hasPosition()) {
            b.setHasPosition(true).setPosition(GeoPoint.newBuilder().setLatDeg(v.latDeg()).setLonDeg(v.lonDeg()))
                    .setPositionTime(ProtoMapper.timestamp(v.positionTime()));
        }
        if (!Double.isNaN(v.speedMps())) {
            b.setSpeedOverGroundMS(v.speedMps());
        }
        if (!Double.isNaN(v.courseDeg())) {
            b.setCourseOverGroundDeg(v.courseDeg());
        }
        if (v.headingDeg() >= 0) {
            b.setHeadingDeg(v.headingDeg());
        }
        PortFleetEntry f = v.fleet();
        if (f != null) {
            b.setPortFleet(org.skyfleet.proto.v1.PortFleetEntry.newBuilder().setRegisteredName(f.name())
                    .setOwner(f.owner()).setHomePort(f.homePort()));
        }
        return b.build();
    }

    static org.skyfleet.proto.v1.VesselAlert toProto(org.skyfleet.server.vessel.VesselAlertRecord r) {
        org.skyfleet.fleet.vessel.SeaGateAlert a = r.alert();
        return org.skyfleet.proto.v1.VesselAlert.newBuilder().setAlertId(a.alertId())
                .setKind(org.skyfleet.proto.v1.VesselAlertKind.valueOf("VESSEL_ALERT_KIND_" + a.kind().name()))
                .setMmsi(a.mmsi()).setVesselName(a.vesselName()).setZoneId(a.zoneId()).setRaisedAt(ProtoMapper.timestamp(a.raisedAt()))
                .setLastSeen(GeoPoint.newBuilder().setLatDeg(a.lastSeen().latDeg()).setLonDeg(a.lastSeen().lonDeg()))
                .setPredicted(GeoPoint.newBuilder().setLatDeg(a.predicted().latDeg()).setLonDeg(a.predicted().lonDeg()))
                .setDetail(a.detail())
                .setCheckState(org.skyfleet.proto.v1.VesselCheckState.valueOf("VESSEL_CHECK_STATE_" + r.state().name()))
                .setIncidentId(r.incidentId()).setDroneId(r.droneId()).setOutcome(r.outcome()).build();
    }

    /** @throws io.grpc.StatusRuntimeException INVALID_ARGUMENT for a bad area or ship type */
    static Predicate<Vessel> filter(VesselFilter f) {
        Predicate<Vessel> p = v -> true;
        if (f.hasArea()) {
            BoundingBox a = StateFilter.validArea(f.getArea());
            p = p.and(v -> v.hasPosition() && v.latDeg() >= a.getSouthLatDeg() && v.latDeg() <= a.getNorthLatDeg()
                    && v.lonDeg() >= a.getWestLonDeg() && v.lonDeg() <= a.getEastLonDeg());
        }
        if (f.getShipTypesCount() > 0) {
            for (int t : f.getShipTypesList()) {
                if (t < 0 || t > 99) {
                    throw Status.INVALID_ARGUMENT.withDescription("ship_types: " + Integer.toUnsignedString(t)
                            + " is not an ITU ship type 0..99 (30 is fishing)").asRuntimeException();
                }
            }
            Set<Integer> types = f.getShipTypesList().stream().collect(Collectors.toUnmodifiableSet());
            p = p.and(v -> types.contains(v.shipType()));
        }
        if (f.getFishingOnly()) {
            p = p.and(Vessel::isFishing);
        }
        if (f.getPortFleetOnly()) {
            p = p.and(v -> v.fleet() != null);
        }
        return p;
    }
}
