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
 * The tile packages a server holds: every {@code <id>.mbtiles} in one directory, opened and checked when the
 * server starts (a bad one is logged and left out, the others served). Importing checks a file the same way
 * before it is copied in, so what is in the directory is what serves; a package imported while the server
 * runs is served after its next start.
 */
public final class TilePackages implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TilePackages.class.getName());
    /** A package id: what its URLs are made of. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final String SUFFIX = ".mbtiles";

    private final Map<String, MbTiles> byId;

    private TilePackages(Map<String, MbTiles> byId) {
        this.byId = byId;
    }

    /** No packages: the console draws its coordinate grid alone. */
    public static TilePackages none() {
        return new TilePackages(Map.of());
    }

    /** Opens every package in {@code dir} (which need not exist yet). */
    public static TilePackages open(Path dir) {
        Map<String, MbTiles> found = new TreeMap<>();
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                    String id = f.getFileName().toString().substring(0, f.getFileName().toString().length() - SUFFIX.length());
                    if (!ID.matcher(id).matches()) {
                        LOG.warning("tile package " + f + " left out: its name is not an id (" + ID.pattern() + ")");
                        continue;
                    }
                    try {
                        found.put(id, MbTiles.open(f));
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
     * Checks {@code file} and copies it into {@code dir} as {@code <id>.mbtiles}, atomically: a reader never sees
     * half a package.
     *
     * @param id      the package's id, or null for one made from the file's name
     * @param replace whether an existing package of that id may be replaced
     * @return the imported package's id and what it says of itself
     * @throws TilePackageException if the file is bad, the id unusable, or taken and not to be replaced
     */
    public static Imported importFile(Path file, Path dir, String id, boolean replace) {
        MbTiles.Info info;
        try (MbTiles checked = MbTiles.open(file)) {
            info = checked.info();
        }
        String name = id != null ? id : idFrom(file.getFileName().toString());
        if (!ID.matcher(name).matches()) {
            throw new TilePackageException("'" + name + "' cannot be a package id: lower-case letters, digits, '-' and '_', "
                    + "up to 64 (give one with --id)");
        }
        Path target = dir.resolve(name + SUFFIX);
        try {
            Files.createDirectories(dir);
            if (Files.exists(target) && !replace) {
                throw new TilePackageException("a package '" + name + "' is already imported (" + target + "): use --replace");
            }
            Path tmp = Files.createTempFile(dir, "." + name, ".importing");
            try {
                Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new TilePackageException("cannot import into " + dir + ": " + e.getMessage(), e);
        }
        return new Imported(name, info);
    }

    /** An imported package. */
    public record Imported(String id, MbTiles.Info info) {
    }

    static String idFrom(String fileName) {
        String stem = fileName.replaceFirst("\\.[A-Za-z0-9]+$", "");
        return stem.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
    }

    public Optional<MbTiles> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every package by id, in id order. */
    public List<Map.Entry<String, MbTiles>> all() {
        return new ArrayList<>(byId.entrySet());
    }

    @Override
    public void close() {
        byId.values().forEach(MbTiles::close);
    }
}
