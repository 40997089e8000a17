package org.skyfleet.fleet.store;

import java.time.Instant;
import java.util.Objects;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.VehicleIdentity;

/**
 * A vehicle the control plane has known: who it is and when and where it was last heard.
 *
 * @param identity      who it is and the link it spoke over last
 * @param firstSeen     its first heartbeat
 * @param lastSeen      when this record was written (link change or position of a state change)
 * @param linkState     the link's state then
 * @param lastLatDeg    last known latitude, NaN when it never had a fix
 * @param lastLonDeg    last known longitude, NaN when it never had a fix
 * @param lastAltAmslM  last known altitude above mean sea level, NaN when unknown
 */
public record VehicleRecord(VehicleIdentity identity, Instant firstSeen, Instant lastSeen, LinkState linkState,
                            double lastLatDeg, double lastLonDeg, double lastAltAmslM) {
    public VehicleRecord {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(linkState, "linkState");
    }

    public String vehicleId() {
        return identity.vehicleId();
    }
}
