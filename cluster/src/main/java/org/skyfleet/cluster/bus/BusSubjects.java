package org.skyfleet.cluster.bus;

import org.skyfleet.fleet.bus.AreaCell;
import org.skyfleet.fleet.bus.BusScope;
import org.skyfleet.fleet.bus.RecordKind;
import org.skyfleet.fleet.event.EventType;

/**
 * The subject layout. States go to {@code skyfleet.state.<c1>.<c2>.<c3>.<c4>.<c5>.<vehicle>}, one token per
 * geohash character of the vehicle's cell, so a node follows one vehicle ({@code skyfleet.state.*.*.*.*.*.<v>}),
 * one cell, or any coarser area ({@code skyfleet.state.g.c.>}). Events go to {@code skyfleet.event.<vehicle>.<type>};
 * durable records to {@code skyfleet.rec.<kind>.<key>}. Ids are made subject-safe: a '.', '*', '>' or white space
 * becomes '_' (the payload carries the real id).
 */
public final class BusSubjects {
    public static final String STATE_ROOT = "skyfleet.state";
    public static final String EVENT_ROOT = "skyfleet.event";
    public static final String RECORD_ROOT = "skyfleet.rec";

    private BusSubjects() {
    }

    public static String state(String cell, String vehicleId) {
        StringBuilder b = new StringBuilder(STATE_ROOT.length() + 2 * AreaCell.DEPTH + vehicleId.length() + 1).append(STATE_ROOT);
        for (int i = 0; i < AreaCell.DEPTH; i++) {
            b.append('.').append(cell.charAt(i));
        }
        return b.append('.').append(token(vehicleId)).toString();
    }

    public static String stateFilter(BusScope scope) {
        if (scope.vehicleId() != null) {
            return STATE_ROOT + ".*".repeat(AreaCell.DEPTH) + "." + token(scope.vehicleId());
        }
        if (scope.area() != null) {
            StringBuilder b = new StringBuilder(STATE_ROOT);
            for (char c : scope.area().toCharArray()) {
                b.append('.').append(c);
            }
            return b.append(".>").toString();
        }
        return STATE_ROOT + ".>";
    }

    public static String event(String vehicleId, EventType type) {
        return EVENT_ROOT + "." + token(vehicleId) + "." + type.name().toLowerCase();
    }

    public static String eventFilter(BusScope scope) {
        if (scope.area() != null) {
            throw new IllegalArgumentException("events carry no position: follow all or one vehicle");
        }
        return scope.vehicleId() == null ? EVENT_ROOT + ".>" : EVENT_ROOT + "." + token(scope.vehicleId()) + ".*";
    }

    /** A durable record's subject under {@code root} ({@link #RECORD_ROOT} but for isolated logs). */
    public static String record(String root, RecordKind kind, String key) {
        return root + "." + kind.name().toLowerCase() + "." + token(key);
    }

    public static String recordFilter(String root, RecordKind kind) {
        return root + "." + kind.name().toLowerCase() + ".*";
    }

    /** The last token of a subject: the subject-safe vehicle id of a state, the key of a record. */
    static String lastToken(String subject) {
        return subject.substring(subject.lastIndexOf('.') + 1);
    }

    /** An id as one subject token: a '.', '*', '>' or white space becomes '_'. */
    public static String token(String id) {
        StringBuilder b = null;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '.' || c == '*' || c == '>' || Character.isWhitespace(c)) {
                if (b == null) {
                    b = new StringBuilder(id);
                }
                b.setCharAt(i, '_');
            }
        }
        return b == null ? id : b.toString();
    }
}
