package org.skyfleet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code skyfleet geo convert}: eviltransform's Shanghai vector forward, back again, and a datum it does not know. */
class GeoCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new SkyfleetCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void convertsToGcj02AndBack() {
        assertThat(run("geo", "convert", "--from", "wgs84", "--to", "gcj02", "31.1774276", "121.5272106")).isZero();
        assertThat(out.toString().strip()).isEqualTo("31.1753040 121.5315419");
        assertThat(err.toString()).containsPattern("WGS84 -> GCJ02: moved [0-9]{3}\\.[0-9] m");
        out.getBuffer().setLength(0);
        assertThat(run("geo", "convert", "--from", "gcj02", "--to", "wgs84", "31.17530398364597", "121.531541859215")).isZero();
        assertThat(out.toString().strip()).isEqualTo("31.1774276 121.5272106");
    }

    @Test
    void aNegativeLongitudeOutsideChinaIsUnchangedAndAnUnknownDatumIsRefused() {
        assertThat(run("geo", "convert", "--from", "wgs84", "--to", "bd09", "51.5034", "-0.1276")).isZero();
        assertThat(out.toString().strip()).isEqualTo("51.5034000 -0.1276000");
        assertThat(run("geo", "convert", "--from", "utm", "--to", "gcj02", "29.87", "121.55")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown datum 'utm': use wgs84 (or cgcs2000), gcj02 or bd09");
    }
}
