package org.skyfleet.fleet.incident;

import java.time.Instant;
import java.util.List;

/**
 * An incident's search.
 *
 * @param approvalDeadline when waiting for approval escalates; null when nothing waits
 * @param expectedProbabilityOfSuccess   what the planned allocation is expected to find, 0..1
 * @param cumulativeProbabilityOfSuccess what the searching so far has found the chance of, 0..1
 * @param leftOut drones not used, each with why
 */
public record SearchStatus(SearchState state, Instant approvalDeadline, List<SearchAssignment> assignments,
                           double expectedProbabilityOfSuccess, double cumulativeProbabilityOfSuccess, List<String> leftOut) {
    public static final SearchStatus NONE = new SearchStatus(SearchState.NONE, null, List.of(), 0, 0, List.of());

    public SearchStatus {
        assignments = List.copyOf(assignments);
        leftOut = List.copyOf(leftOut);
    }

    public SearchStatus withState(SearchState s) {
        return new SearchStatus(s, s == SearchState.AWAITING_APPROVAL || s == SearchState.ESCALATED ? approvalDeadline : null,
                assignments, expectedProbabilityOfSuccess, cumulativeProbabilityOfSuccess, leftOut);
    }

    public SearchStatus withAssignments(List<SearchAssignment> a) {
        return new SearchStatus(state, approvalDeadline, a, expectedProbabilityOfSuccess, cumulativeProbabilityOfSuccess, leftOut);
    }

    public SearchStatus withCumulativePos(double pos) {
        return new SearchStatus(state, approvalDeadline, assignments, expectedProbabilityOfSuccess, pos, leftOut);
    }
}
