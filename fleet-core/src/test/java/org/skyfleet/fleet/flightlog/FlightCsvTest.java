package org.skyfleet.fleet.flightlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV as RFC 4180 reads it, and safe to open in a spreadsheet. */
class FlightCsvTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void quotesCommasQuotesAndLineBreaksDefusesFormulasAndLeavesUnknownBatteryEmpty() {
        FlightRecord f = new FlightRecord("f-1", "drone-1", "x500", "", "=HYPERLINK(\"x\") (pilot)", "", "inc, 7", T0, T0.plusSeconds(90),
                1234.56, 42.04, 80, Double.NaN, List.of(new FlightEvent(T0.plusSeconds(5), "LINK_LOST", "gone")), List.of());

        String csv = FlightCsv.of(List.of(f));

        assertThat(csv).startsWith(FlightCsv.HEADER + "\r\n");
        assertThat(csv.split("\r\n")[1]).isEqualTo("f-1,drone-1,x500,,\"'=HYPERLINK(\"\"x\"\") (pilot)\",,\"inc, 7\","
                + "2026-12-07T10:00:00Z,2026-12-07T10:01:30Z,90.0,1234.6,42.0,80,,,LINK_LOST 2026-12-07T10:00:05Z");
        assertThat(FlightCsv.cell("-12.5")).isEqualTo("-12.5");
        assertThat(FlightCsv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
    }
}
