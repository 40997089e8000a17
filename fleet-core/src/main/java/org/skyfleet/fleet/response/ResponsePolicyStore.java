package org.skyfleet.fleet.response;

import java.util.Optional;

/**
 * Where the response policy in force is kept, so that one set over the API outlives a restart (migration V12).
 * One policy: each save replaces the last (the audit journal keeps every one set).
 */
public interface ResponsePolicyStore {
    /** Replaces the policy kept; durable when it returns. */
    void save(SavedResponsePolicy policy);

    /** The policy last saved, if one ever was. */
    Optional<SavedResponsePolicy> load();
}
