package org.skyfleet.fleet.airframe;

import java.util.List;
import java.util.Optional;

/**
 * Airframe profiles and the vehicles bound to them. Each write is durable when it returns; a failed write
 * throws {@link org.skyfleet.fleet.store.StoreException} and wrote nothing.
 */
public interface AirframeStore {
    /** Stores the profile, replacing one with the same id. */
    void saveProfile(AirframeProfile profile);

    /** Removes the profile; false if there was none. The caller has checked that no vehicle is bound to it. */
    boolean deleteProfile(String profileId);

    Optional<AirframeProfile> findProfile(String profileId);

    /** Every profile, in id order. */
    List<AirframeProfile> listProfiles();

    /** Stores the binding, replacing the vehicle's previous one. */
    void saveBinding(AirframeBinding binding);

    /** Removes the vehicle's binding; false if it had none. */
    boolean deleteBinding(String vehicleId);

    /** Every binding, in vehicle id order. */
    List<AirframeBinding> listBindings();
}
