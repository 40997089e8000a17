package org.skyfleet.fleet.dispatch;

/** No assignment has this id: NOT_FOUND at the API. */
public final class UnknownAssignmentException extends java.util.NoSuchElementException {
    public UnknownAssignmentException(String assignmentId) {
        super("unknown assignment '" + assignmentId + "'");
    }
}
