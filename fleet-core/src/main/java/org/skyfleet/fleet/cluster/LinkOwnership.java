package org.skyfleet.fleet.cluster;

import java.util.Optional;
import java.util.Set;

/**
 * Which node owns each vehicle's MAVLink link. A node claims a vehicle when it starts hearing it and
 * gets it only if nobody holds it or the holder's lease has run out (a node that died, or lost the
 * vehicle's datagrams, stops renewing); it renews what it owns well inside the lease, and releases
 * everything on a clean shutdown so another node can take over at once. Every change is a
 * compare-and-set, so two nodes racing for one vehicle cannot both win. Calls do I/O: keep them off
 * event loops.
 */
public interface LinkOwnership {

    /** The owner of a vehicle's link, if its lease has not run out. */
    Optional<LinkOwner> owner(String vehicleId);

    /**
     * Claims the link for this node: succeeds if it is free, expired or already this node's (which
     * renews it).
     *
     * @return this node's ownership, or the other node's that stands
     */
    LinkOwner claim(String vehicleId);

    /** True if this node holds the vehicle's link as far as it knows (without asking the store). */
    boolean ownsLocally(String vehicleId);

    /**
     * Renews every lease this node holds. A lease another node took meanwhile (this node stalled past its
     * expiry) is given up and returned.
     *
     * @return the vehicles this node lost
     */
    Set<String> renewAll();

    /** Gives up one vehicle's link, unless another node already holds it. */
    void release(String vehicleId);

    /** Gives up every link this node holds (clean shutdown). */
    void releaseAll();

    /** This node's id. */
    String nodeId();
}
