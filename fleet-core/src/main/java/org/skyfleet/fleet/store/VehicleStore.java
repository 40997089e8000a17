package org.skyfleet.fleet.store;

import java.util.List;

/** Every vehicle that ever linked, written when it first links and whenever its link changes. */
public interface VehicleStore {
    /** Stores the record, replacing the stored one; the first-seen time of a stored vehicle is kept. */
    void save(VehicleRecord vehicle);

    /** Every known vehicle, in id order. */
    List<VehicleRecord> loadAll();
}
