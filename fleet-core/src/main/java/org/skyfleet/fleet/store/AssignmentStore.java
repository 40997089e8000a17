package org.skyfleet.fleet.store;

import java.util.List;
import java.util.Optional;
import org.skyfleet.fleet.dispatch.Assignment;

/** Units' assignments, one row each, replaced as they change state. */
public interface AssignmentStore {
    /** Inserts the assignment or replaces the one with its id. */
    void save(Assignment assignment);

    Optional<Assignment> find(String assignmentId);

    /** Assignments still OFFERED or ACKNOWLEDGED, by id. */
    List<Assignment> loadOpen();

    /**
     * The highest number among stored assignment ids ({@code asg-<n>}), 0 if none: a dispatcher that
     * resumes numbers after it, so no stored assignment is overwritten by a new one with its id.
     */
    long highestAssignmentNumber();

    /** The number in an id {@code asg-<n>}, or 0 for any other id. */
    static long numberOf(String assignmentId) {
        if (assignmentId.startsWith("asg-")) {
            try {
                return Long.parseLong(assignmentId.substring(4));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
