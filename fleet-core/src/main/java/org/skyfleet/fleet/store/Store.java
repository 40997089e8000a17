package org.skyfleet.fleet.store;

import org.skyfleet.fleet.audit.AuditStore;
import org.skyfleet.fleet.control.LeaseStore;
import org.skyfleet.fleet.geofence.ZoneStore;
import org.skyfleet.fleet.incident.IncidentStore;
import org.skyfleet.fleet.mission.MissionStore;

/**
 * Everything the control plane persists, one port per aggregate. Each write method returns only once
 * its write is durable (committed); a failed write throws {@link StoreException} and wrote nothing.
 */
public interface Store extends AutoCloseable {
    IncidentStore incidents();

    AuditStore audit();

    SightingStore sightings();

    AssignmentStore assignments();

    LeaseStore leases();

    ZoneStore zones();

    MissionStore missions();

    TrackStore tracks();

    VehicleStore vehicles();

    CommandStore commands();

    /** Airframe profiles and which vehicle flies as which. */
    org.skyfleet.fleet.airframe.AirframeStore airframes();

    /** Battery packs: identity, health and the aircraft each is in. */
    org.skyfleet.fleet.battery.BatteryStore batteries();

    /** Every flight, takeoff to landing, and the maintenance done. */
    org.skyfleet.fleet.flightlog.FlightLogStore flights();

    /** Records of the video segments kept as evidence (migration V8). */
    org.skyfleet.fleet.evidence.EvidenceStore evidence();

    /** Revoked bearer tokens. */
    RevocationStore revocations();

    /** Every sample given; put a {@link PositionDownsampler} in front to keep about 1 Hz per vehicle. */
    PositionHistoryStore positions();

    /** What each ground robot does: the officer it follows, its patrol, its dock. */
    org.skyfleet.fleet.escort.RobotTaskingStore robotTaskings();

    /** The gates' crossings, so their counters survive a restart (migration V13). */
    org.skyfleet.fleet.gate.GateCrossingStore gateCrossings();
    /** The drone response policy in force (migration V12). */
    org.skyfleet.fleet.response.ResponsePolicyStore responsePolicies();

    /** Releases connections and files; writes already returned from are kept. */
    @Override
    void close();
}
