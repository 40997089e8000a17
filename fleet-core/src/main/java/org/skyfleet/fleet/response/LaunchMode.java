package org.skyfleet.fleet.response;

/** What a call of one type and priority does with a drone. */
public enum LaunchMode {
    /** The nearest suitable drone launches as soon as the call is in. */
    AUTO,
    /** A drone is chosen and waits for a pilot or commander; unanswered, the wait is escalated to the commander. */
    ON_APPROVAL,
    /** No drone flies for it. */
    NEVER
}
