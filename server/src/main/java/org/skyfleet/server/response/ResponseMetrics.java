package org.skyfleet.server.response;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.skyfleet.fleet.response.ResponseStage;

/**
 * Time from the call to each stage of a response, as Prometheus histograms
 * ({@code skyfleet_response_time_to_stage_seconds{stage="on_scene"}}), and refusals by rule.
 */
final class ResponseMetrics {
    private final MeterRegistry meters;
    private final Map<ResponseStage, Timer> byStage = new EnumMap<>(ResponseStage.class);

    ResponseMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (ResponseStage s : ResponseStage.values()) {
            if (s != ResponseStage.CALL_RECEIVED) {
                byStage.put(s, Timer.builder("skyfleet.response.time.to.stage").tag("stage", s.name().toLowerCase(Locale.ROOT))
                        .description("time from a call to this stage of its drone response").publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofMinutes(30)).register(meters));
            }
        }
    }

    void stage(ResponseStage stage, Duration sinceCall) {
        Timer t = byStage.get(stage);
        if (t != null) {
            t.record(sinceCall.isNegative() ? Duration.ZERO : sinceCall);
        }
    }

    void refused(String rule) {
        meters.counter("skyfleet.response.refused", "rule", rule.toLowerCase(Locale.ROOT)).increment();
    }
}
