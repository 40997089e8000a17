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
}
