package org.skyfleet.mavsdk;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.skyfleet.proto.v1.CommandResult;

/**
 * What SkyFleet made of a request, in the terms every MAVSDK plugin result shares; each endpoint turns it into
 * its own result enum. The message is SkyFleet's own (the status description or the command's detail), so a
 * refusal reads as SkyFleet said it: "lease held by pilot kim", "outside the operating area".
 */
record Outcome(Kind kind, String message) {
    enum Kind { SUCCESS, DENIED, BUSY, NO_SYSTEM, TIMEOUT, PARAMETER_ERROR, UNSUPPORTED, ERROR }

    static Outcome success() {
        return new Outcome(Kind.SUCCESS, "Success");
    }

    static Outcome of(StatusRuntimeException e) {
        Status s = e.getStatus();
        String text = s.getDescription() == null ? s.getCode().name() : s.getDescription();
        Kind kind = switch (s.getCode()) {
            case FAILED_PRECONDITION, PERMISSION_DENIED, UNAUTHENTICATED -> Kind.DENIED;
            case INVALID_ARGUMENT, OUT_OF_RANGE -> Kind.PARAMETER_ERROR;
            case NOT_FOUND, UNAVAILABLE -> Kind.NO_SYSTEM;
            case DEADLINE_EXCEEDED -> Kind.TIMEOUT;
            case RESOURCE_EXHAUSTED, ABORTED -> Kind.BUSY;
            case UNIMPLEMENTED -> Kind.UNSUPPORTED;
            default -> Kind.ERROR;
        };
        return new Outcome(kind, text);
    }

    /** The vehicle's own answer to a command that SkyFleet let through. */
    static Outcome of(CommandResult result, String detail) {
        Kind kind = switch (result) {
            case COMMAND_RESULT_ACCEPTED, COMMAND_RESULT_IN_PROGRESS -> Kind.SUCCESS;
            case COMMAND_RESULT_DENIED -> Kind.DENIED;
            case COMMAND_RESULT_TEMPORARILY_REJECTED -> Kind.BUSY;
            case COMMAND_RESULT_UNSUPPORTED -> Kind.UNSUPPORTED;
            case COMMAND_RESULT_TIMED_OUT -> Kind.TIMEOUT;
            case COMMAND_RESULT_NOT_CONNECTED -> Kind.NO_SYSTEM;
            default -> Kind.ERROR;
        };
        String text = detail == null || detail.isBlank() ? result.name() : detail;
        return new Outcome(kind, kind == Kind.SUCCESS ? "Success" : text);
    }

    boolean ok() {
        return kind == Kind.SUCCESS;
    }
}
