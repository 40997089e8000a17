package org.skyfleet.app.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.skyfleet.fleet.geo.Datum;
import org.skyfleet.fleet.geo.DatumConversion;
import org.skyfleet.fleet.geo.LatLon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skyfleet geo convert}: a point from one datum to another, for an operator checking a basemap. */
@Command(name = "geo", mixinStandardHelpOptions = true, description = "Geodetic tools for checking Chinese basemaps.",
        subcommands = {GeoCommand.Convert.class})
final class GeoCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("usage: skyfleet geo convert --from wgs84|gcj02|bd09 --to wgs84|gcj02|bd09 LAT LON");
    }

    @Command(name = "convert", mixinStandardHelpOptions = true,
            description = "Print LAT LON converted between WGS-84 (or CGCS2000: Tianditu), GCJ-02 (AMap, Tencent) and "
                    + "BD-09 (Baidu), and how far it moved; the reverse conversion is iterative, good to millimetres.")
    static final class Convert implements Callable<Integer> {
        @Option(names = "--from", required = true, description = "the point's datum: wgs84, cgcs2000, gcj02 or bd09")
        String from;

        @Option(names = "--to", required = true, description = "the datum to convert it to")
        String to;

        @Parameters(index = "0", paramLabel = "LAT", description = "latitude in degrees")
        double latDeg;

        @Parameters(index = "1", paramLabel = "LON", description = "longitude in degrees")
        double lonDeg;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                Datum a = Datum.parse(from);
                Datum b = Datum.parse(to);
                LatLon out = DatumConversion.convert(a, b, latDeg, lonDeg);
                spec.commandLine().getOut().printf(Locale.ROOT, "%.7f %.7f%n", out.latDeg(), out.lonDeg());
                spec.commandLine().getErr().printf(Locale.ROOT, "%s -> %s: moved %.1f m%n", a, b,
                        out.distanceM(new LatLon(latDeg, lonDeg)));
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 2;
            }
        }
    }
}
