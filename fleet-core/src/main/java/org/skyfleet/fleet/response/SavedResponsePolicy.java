package org.skyfleet.fleet.response;

import java.time.Instant;
import java.util.Objects;

/**
 * The response policy in force, as last set, with who set it and when.
 *
 * @param setBy the operator ({@code admin:ops}), or {@code serve --response-policy FILE} for a file given at start
 */
public record SavedResponsePolicy(ResponsePolicy policy, String setBy, Instant setAt) {
    public SavedResponsePolicy {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(setAt, "setAt");
    }
}
