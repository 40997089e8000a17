package org.skyfleet.fleet.store;

import org.skyfleet.fleet.audit.AuditStore;
import org.skyfleet.fleet.audit.InMemoryAuditStore;
import org.skyfleet.fleet.control.LeaseStore;
import org.skyfleet.fleet.geofence.InMemoryZoneStore;
import org.skyfleet.fleet.geofence.ZoneStore;
import org.skyfleet.fleet.incident.IncidentStore;
import org.skyfleet.fleet.mission.MissionStore;

/**
 * The store kept in memory: the fake for tests and for a control plane that need not survive a restart.
 * Same contract as the JDBC adapter except durability; {@link #close()} keeps the data, so a test can
 * "restart" by handing the same instance to a new service. One lock for everything (this store, which each
 * port's in-memory half synchronises on): it is a fake. Position history is kept for the last hour per
 * vehicle only. The audit chain and the zones keep their own locks, as they did.
 */
public final class InMemoryStore implements Store {
    private final InMemoryIncidentStore incidentStore = new InMemoryIncidentStore(this);
    private final AuditStore auditStore = new InMemoryAuditStore();
    private final SightingStore sightingStore = new InMemorySightingStore(this, incidentStore);
    private final AssignmentStore assignmentStore = new InMemoryAssignmentStore(this);
    private final LeaseStore leaseStore = new InMemoryLeaseStore(this);
    private final PositionHistoryStore positionStore = new InMemoryPositionHistoryStore(this);
    private final ZoneStore zoneStore = new InMemoryZoneStore();
    private final MissionStore missionStore = new InMemoryMissionStore(this);
    private final TrackStore trackStore = new InMemoryTrackStore(this);
    private final VehicleStore vehicleStore = new InMemoryVehicleStore(this);
    private final CommandStore commandStore = new InMemoryCommandStore(this);
    private final org.skyfleet.fleet.airframe.AirframeStore airframeStore = new org.skyfleet.fleet.airframe.InMemoryAirframeStore();
    private final org.skyfleet.fleet.battery.BatteryStore batteryStore = new org.skyfleet.fleet.battery.InMemoryBatteryStore();
    private final org.skyfleet.fleet.flightlog.FlightLogStore flightStore = new org.skyfleet.fleet.flightlog.InMemoryFlightLogStore();
    private final RevocationStore revocationStore = new InMemoryRevocationStore(this);
    private final org.skyfleet.fleet.gate.GateCrossingStore gateCrossingStore = new InMemoryGateCrossingStore(this);
    private final org.skyfleet.fleet.escort.RobotTaskingStore robotTaskingStore = new org.skyfleet.fleet.escort.InMemoryRobotTaskingStore(this);
    private final org.skyfleet.fleet.response.ResponsePolicyStore responsePolicyStore =
            new org.skyfleet.fleet.response.InMemoryResponsePolicyStore(this);
    private final org.skyfleet.fleet.evidence.EvidenceStore evidenceStore = new org.skyfleet.fleet.evidence.InMemoryEvidenceStore();

    @Override
    public IncidentStore incidents() {
        return incidentStore;
    }

    @Override
    public AuditStore audit() {
        return auditStore;
    }

    @Override
    public SightingStore sightings() {
        return sightingStore;
    }

    @Override
    public AssignmentStore assignments() {
        return assignmentStore;
    }

    @Override
    public LeaseStore leases() {
        return leaseStore;
    }

    @Override
    public ZoneStore zones() {
        return zoneStore;
    }

    @Override
    public MissionStore missions() {
        return missionStore;
    }

    @Override
    public TrackStore tracks() {
        return trackStore;
    }

    @Override
    public VehicleStore vehicles() {
        return vehicleStore;
    }

    @Override
    public CommandStore commands() {
        return commandStore;
    }

    @Override
    public org.skyfleet.fleet.airframe.AirframeStore airframes() {
        return airframeStore;
    }

    @Override
    public org.skyfleet.fleet.battery.BatteryStore batteries() {
        return batteryStore;
    }

    @Override
    public org.skyfleet.fleet.flightlog.FlightLogStore flights() {
        return flightStore;
    }

    @Override
    public org.skyfleet.fleet.escort.RobotTaskingStore robotTaskings() {
        return robotTaskingStore;
    }

    @Override
    public org.skyfleet.fleet.response.ResponsePolicyStore responsePolicies() {
        return responsePolicyStore;
    }

    @Override
    public org.skyfleet.fleet.evidence.EvidenceStore evidence() {
        return evidenceStore;
    }

    @Override
    public RevocationStore revocations() {
        return revocationStore;
    }

    @Override
    public PositionHistoryStore positions() {
        return positionStore;
    }

    @Override
    public org.skyfleet.fleet.gate.GateCrossingStore gateCrossings() {
        return gateCrossingStore;
    }

    @Override
    public void close() {
    }
}
