package org.skyfleet.app.tiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The tile packages a server holds: every {@code <id>.mbtiles} and {@code <id>.pmtiles} in one directory, opened and checked when the
 * server starts (a bad one is logged and left out, the others served). Importing checks a file the same way
 * before it is copied in, so what is in the directory is what serves; a package imported while the server
 * runs is served after its next start.
 */
public final class TilePackages implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TilePackages.class.getName());
    /** A package id: what its URLs are made of. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final List<String> SUFFIXES = List.of(".mbtiles", ".pmtiles");
    private static final byte[] PMTILES_MAGIC = "PMTiles".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Map<String, TilePackage> byId;

    private TilePackages(Map<String, TilePackage> byId) {
        this.byId = byId;
    }

    /** No packages: the console draws its coordinate grid alone. */
    public static TilePackages none() {
        return new TilePackages(Map.of());
    }

    /** Opens every package in {@code dir} (which need not exist yet). */
    public static TilePackages open(Path dir) {
        Map<String, TilePackage> found = new TreeMap<>();
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> suffix(p) != null).sorted().toList()) {
                    String id = f.getFileName().toString().substring(0, f.getFileName().toString().length() - suffix(f).length());
                    if (!ID.matcher(id).matches()) {
                        LOG.warning("tile package " + f + " left out: its name is not an id (" + ID.pattern() + ")");
                        continue;
                    }
                    if (found.containsKey(id)) {
                        LOG.warning("tile package " + f + " left out: a package '" + id + "' is already served");
                        continue;
                    }
                    try {
                        found.put(id, openPackage(f));
                    } catch (TilePackageException e) {
                        LOG.warning("tile package " + f + " left out: " + e.getMessage());
                    }
                }
            } catch (IOException e) {
                throw new TilePackageException("cannot list tile packages in " + dir + ": " + e.getMessage(), e);
            }
        }
        return new TilePackages(found);
    }

    /**
     * Opens an MBTiles or PMTiles package, told apart by its first bytes (a file named {@code .pmtiles} is read as
     * PMTiles whatever they are, so a bad one is refused with PMTiles' reason).
     *
     * @throws TilePackageException saying what is wrong
     */
    public static TilePackage openPackage(Path file) {
        if (isPmTiles(file)) {
            return org.skyfleet.app.tiles.pmtiles.PmTiles.open(file);
        }
        return MbTiles.open(file);
    }

    private static boolean isPmTiles(Path file) {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pmtiles")) {
            return true;
        }
        try (var in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(PMTILES_MAGIC.length), PMTILES_MAGIC);
        } catch (IOException e) {
            return false; // MbTiles.open says why it cannot be read
        }
    }

    private static String suffix(Path p) {
        String n = p.getFileName().toString();
        return SUFFIXES.stream().filter(n::endsWith).findFirst().orElse(null);
    }

    /**
     * Checks {@code file} (an MBTiles or PMTiles package; a PMTiles one down to its every leaf directory) and copies
     * it into {@code dir} as {@code <id>.mbtiles} or {@code <id>.pmtiles}, atomically: a reader never sees half a
     * package.
     *
     * @param id      the package's id, or null for one made from the file's name
     * @param replace whether an existing package of that id may be replaced
     * @return the imported package's id and what it says of itself
     * @throws TilePackageException if the file is bad, the id unusable, or taken and not to be replaced
     */
    public static Imported importFile(Path file, Path dir, String id, boolean replace) {
        TilePackage.Info info;
        String suffix;
        try (TilePackage checked = openPackage(file)) {
            if (checked instanceof org.skyfleet.app.tiles.pmtiles.PmTiles pm) {
                pm.verify();
            }
            info = checked.info();
            suffix = checked instanceof MbTiles ? ".mbtiles" : ".pmtiles";
        }
        String name = id != null ? id : idFrom(file.getFileName().toString());
        if (!ID.matcher(name).matches()) {
            throw new TilePackageException("'" + name + "' cannot be a package id: lower-case letters, digits, '-' and '_', "
                    + "up to 64 (give one with --id)");
        }
        Path target = dir.resolve(name + suffix);
        try {
            Files.createDirectories(dir);
            for (String s : SUFFIXES) {
                Path existing = dir.resolve(name + s);
                if (Files.exists(existing) && !replace) {
                    throw new TilePackageException("a package '" + name + "' is already imported (" + existing + "): use --replace");
                }
            }
            Path tmp = Files.createTempFile(dir, "." + name, ".importing");
            try {
                Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                for (String s : SUFFIXES) { // a replaced package of the other format goes
                    if (!target.endsWith(name + s)) {
                        Files.deleteIfExists(dir.resolve(name + s));
                    }
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new TilePackageException("cannot import into " + dir + ": " + e.getMessage(), e);
        }
        return new Imported(name, info);
    }

    /** An imported package. */
    public record Imported(String id, TilePackage.Info info) {
    }

    static String idFrom(String fileName) {
        String stem = fileName.replaceFirst("\\.[A-Za-z0-9]+$", "");
        return stem.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
    }

    public Optional<TilePackage> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every package by id, in id order. */
    public List<Map.Entry<String, TilePackage>> all() {
        return new ArrayList<>(byId.entrySet());
    }

    @Override
    public void close() {
        byId.values().forEach(TilePackage::close);
    }
}
