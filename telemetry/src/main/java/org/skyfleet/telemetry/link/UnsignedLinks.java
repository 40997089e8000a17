package org.skyfleet.telemetry.link;

/**
 * How a link treats vehicles whose system id has no signing key ({@link SigningKeys}). On such a link the
 * source address is the vehicle's only credential, so who may take it over is a policy, decided once per
 * link. In every policy a vehicle that speaks from a new address after its link was lost is held as a claim
 * until an operator confirms it: a re-bind is never silent.
 */
public enum UnsignedLinks {
    /**
     * Not admitted: a vehicle heartbeat from a system id without a key is dropped and counted
     * ({@code no_signing_key}). The default of a server that requires tokens.
     */
    REFUSED,
    /**
     * Admitted, but every address is a claim, the first one included: the vehicle's telemetry is shown, marked
     * unconfirmed, and nothing is sent to it until an operator confirms its address. A server that requires
     * tokens and was started with {@code --allow-unsigned}.
     */
    CLAIMED,
    /**
     * Admitted, and the first address heard is trusted; a later address after link loss is a claim. A server
     * without required tokens (tests, a bench) or in lab mode.
     */
    FIRST_ADDRESS_TRUSTED
}
