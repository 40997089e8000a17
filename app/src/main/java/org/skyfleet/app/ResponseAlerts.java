package org.skyfleet.app;

import java.util.Map;
import org.skyfleet.app.console.AlertLog;
import org.skyfleet.server.response.FirstResponse;

/**
 * The first response's alerts on the commander's console: a call refused a drone (and why), an approval nobody
 * gave in time, a scene a drone had to leave unwatched.
 */
final class ResponseAlerts {
    /** The console's alert kind; its message is the timeline code's. */
    static final String KIND = "RESPONSE";

    private ResponseAlerts() {
    }

    static void raiseIn(FirstResponse response, AlertLog alerts) {
        response.onAlert(a -> alerts.raise(a.time(), KIND, "WARNING", a.incidentId(), a.text(), a.scene().latDeg(),
                a.scene().lonDeg(), Map.of("incident", a.incidentId(), "code", a.code())));
    }
}
