package org.skyfleet.server.response;

import java.time.InstantSource;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.response.ResponsePolicy;
import org.skyfleet.fleet.response.ResponsePolicyFile;
import org.skyfleet.fleet.response.ResponsePolicyStore;
import org.skyfleet.fleet.response.SavedResponsePolicy;

/**
 * A policy file given to {@code serve --response-policy} overrides the kept policy at that start: it is kept in the
 * store in its place (so a later start without the file keeps it, and a set over the API replaces it as usual) and
 * journaled whole, as a set over the API is.
 */
public final class GivenResponsePolicy {
    /** Who the journal and the store say set it. */
    public static final String SET_BY = "serve --response-policy";

    private GivenResponsePolicy() {
    }

    /** @throws IllegalArgumentException listing every impossible figure */
    public static void keep(ResponsePolicy given, ResponsePolicyStore store, AuditJournal audit, InstantSource clock) {
        given.validated();
        store.save(new SavedResponsePolicy(given, SET_BY, clock.instant()));
        audit.append(SET_BY, "response policy set", "", ResponsePolicyFile.format(given), "SET");
    }
}
