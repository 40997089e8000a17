package org.skyfleet.fleet.control;

/**
 * Where the control leases of a fleet shared by several control-plane nodes are decided (port): one
 * record per vehicle, read with its version and changed only at the version it was read at, so that of
 * two nodes granting the same vehicle at once exactly one succeeds and the other reads again. A node's
 * {@link ControlLeases} asks it for every decision; without it (one node) the leases are that node's own.
 */
public interface SharedLeases {

    /**
     * The vehicle's record as it stands.
     *
     * @param lease   the lease stored, live or lapsed; null when none is
     * @param version what to hand back to {@link #write}: 0 when the vehicle never had a record
     */
    record Versioned(ControlLease lease, long version) {
    }

    Versioned read(String vehicleId);

    /**
     * Stores {@code next} (null: removes the lease) if the vehicle's record is still at {@code version}.
     *
     * @return false if another node wrote it first: read again and decide again
     * @throws RuntimeException if the shared store cannot be reached (the adapter says how: a gRPC status, say)
     */
    boolean write(String vehicleId, long version, ControlLease next);
}
