package org.skyfleet.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.skyfleet.app.tiles.FeatureTileRenderer;
import org.skyfleet.app.tiles.FeatureVectorTiles;
import org.skyfleet.app.tiles.TileConversion;
import org.skyfleet.app.tiles.TilePackage;
import org.skyfleet.app.tiles.TilePackageException;
import org.skyfleet.app.tiles.TilePackages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skyfleet tiles import|list|render|convert}: the offline map packages the console draws. */
@Command(name = "tiles", mixinStandardHelpOptions = true, description = "Offline map tile packages (MBTiles, PMTiles) for the console.",
        subcommands = {TilesCommand.Import.class, TilesCommand.List.class, TilesCommand.Render.class, TilesCommand.Convert.class})
final class TilesCommand implements Runnable {
    static final String DEFAULT_DIR = "skyfleet-data/tiles";

    @Override
    public void run() {
        System.err.println("usage: skyfleet tiles import FILE [--id ID] [--tiles-dir DIR] [--replace]");
        System.err.println("       skyfleet tiles list [--tiles-dir DIR]");
        System.err.println("       skyfleet tiles render FEATURES.geojson --out FILE.mbtiles|FILE.pmtiles [--format png|pbf] [--name NAME] [--min-zoom Z] [--max-zoom Z]");
        System.err.println("       skyfleet tiles convert FILE.mbtiles --out FILE.pmtiles");
    }

    static String describe(String id, TilePackage.Info i) {
        return String.format(Locale.ROOT, "%s: %s, %s, zoom %d-%d, %s, bounds %.4f,%.4f,%.4f,%.4f", id, i.name(), i.format(),
                i.minZoom(), i.maxZoom(), i.datum(), i.boundsDeg()[0], i.boundsDeg()[1], i.boundsDeg()[2], i.boundsDeg()[3]);
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Check an MBTiles or PMTiles package and copy it into the server's tile directory; a bad or corrupt file is "
                    + "refused with the reason. The server serves it from its next start.")
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "the .mbtiles or .pmtiles file")
        Path file;

        @Option(names = "--id", description = "the package's id in URLs (default: from the file's name)")
        String id;

        @Option(names = "--tiles-dir", defaultValue = DEFAULT_DIR, description = "the server's tile directory (default: ${DEFAULT-VALUE})")
        Path dir;

        @Option(names = "--replace", description = "replace a package already imported under that id")
        boolean replace;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                TilePackages.Imported done = TilePackages.importFile(file, dir, id, replace);
                spec.commandLine().getOut().println("imported " + describe(done.id(), done.info()));
                return 0;
            } catch (TilePackageException e) {
                spec.commandLine().getErr().println("refused: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The packages in the tile directory.")
    static final class List implements Callable<Integer> {
        @Option(names = "--tiles-dir", defaultValue = DEFAULT_DIR, description = "the server's tile directory (default: ${DEFAULT-VALUE})")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (TilePackages packages = TilePackages.open(dir)) {
                packages.all().forEach(e -> spec.commandLine().getOut().println(describe(e.getKey(), e.getValue().info())));
            }
            return 0;
        }
    }

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Render a package (PNG raster, or pbf vector tiles with --format pbf; WGS-84) from map features: "
                    + "a GeoJSON FeatureCollection whose features have properties.kind land, forest, park, water, building or road.")
    static final class Render implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FEATURES", description = "the GeoJSON file")
        Path features;

        @Option(names = "--out", required = true, description = "the .mbtiles or .pmtiles file to write")
        Path out;

        @Option(names = "--name", description = "the package's name (default: the features file's name)")
        String name;

        @Option(names = "--min-zoom", defaultValue = "12")
        int minZoom;

        @Option(names = "--max-zoom", defaultValue = "16")
        int maxZoom;

        @Option(names = "--format", defaultValue = "png",
                description = "png (raster tiles drawn here) or pbf (Mapbox Vector Tiles the console draws); default ${DEFAULT-VALUE}")
        String format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                String packageName = name != null ? name : features.getFileName().toString();
                String attribution = "SkyFleet, from the features in " + features.getFileName();
                FeatureTileRenderer read = FeatureTileRenderer.of(features);
                int n = TileConversion.renderTo(out, mbtiles -> switch (format) {
                    case "png" -> read.render(mbtiles, packageName, minZoom, maxZoom, attribution);
                    case "pbf" -> FeatureVectorTiles.of(read).render(mbtiles, packageName, minZoom, maxZoom, attribution);
                    default -> throw new TilePackageException("unknown --format '" + format + "': png or pbf");
                });
                spec.commandLine().getOut().println("rendered " + n + " tiles to " + out);
                return 0;
            } catch (TilePackageException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "convert", mixinStandardHelpOptions = true,
            description = "Convert an MBTiles package to PMTiles (one file, no SQLite): the same tiles, byte for byte, "
                    + "name, format, zooms, bounds, datum and attribution.")
    static final class Convert implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "the .mbtiles file")
        Path in;

        @Option(names = "--out", required = true, description = "the .pmtiles file to write")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                long n = TileConversion.toPmTiles(in, out);
                spec.commandLine().getOut().println("converted " + n + " tiles to " + out);
                return 0;
            } catch (TilePackageException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 1;
            }
        }
    }
}
