package org.skyfleet.app.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps URL paths under fixed prefixes to classpath resources: the console's own files and Leaflet's
 * WebJar. The files are indexed once, when this is built: every file under each root's classpath directory
 * whose relative path is made of plain names (letters, digits, '.', '_', '-', not starting with '.'). A
 * request is a lookup in that index and nothing else, so '..', encoded dots, backslashes and absolute paths
 * never reach the class loader, only the listed prefixes are served, and a path that is not there (a miss)
 * leaves nothing behind: what the index holds is fixed at start, whatever clients ask for.
 */
public final class StaticFiles {
    /** A resource found for a path, with its content type. */
    public record StaticFile(byte[] body, String contentType) {
    }

    public static final String CONSOLE_PREFIX = "/console/";
    public static final String LEAFLET_PREFIX = "/webjars/leaflet/";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("map", "application/json; charset=utf-8"));

    private final Set<String> prefixes;
    /** By URL path, every file served; built once. */
    private final Map<String, StaticFile> files;

    /** Where a URL prefix (ending in '/') is served from: a classpath directory (ending in '/') and a file known to be in it. */
    public record Root(String directory, String knownFile) {
    }

    /**
     * Reads every file under the roots' classpath directories (in a jar or a directory) into the index.
     *
     * @param roots by URL prefix
     * @throws IllegalStateException if a root's known file is not on the classpath
     */
    public StaticFiles(ClassLoader loader, Map<String, Root> roots) {
        Map<String, StaticFile> index = new HashMap<>();
        roots.forEach((prefix, root) -> {
            String directory = root.directory();
            ResourceIndex.list(loader, directory, root.knownFile()).forEach(relative -> {
                if (safe(relative)) {
                    index.put(prefix + relative, load(loader, directory + relative));
                }
            });
        });
        this.prefixes = Set.copyOf(roots.keySet());
        this.files = Map.copyOf(index);
    }

    /** The console's files and Leaflet's {@code dist/} from its WebJar, whichever version is on the classpath. */
    public static StaticFiles console() {
        ClassLoader loader = StaticFiles.class.getClassLoader();
        return new StaticFiles(loader, Map.of(
                CONSOLE_PREFIX, new Root("org/skyfleet/console/", "index.html"),
                LEAFLET_PREFIX, new Root("META-INF/resources/webjars/leaflet/" + webJarVersion(loader, "org.webjars.npm", "leaflet")
                        + "/dist/", "leaflet.js")));
    }

    /** A WebJar's version, from the pom.properties Maven puts in every jar it builds. */
    static String webJarVersion(ClassLoader loader, String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(group + ":" + artifact + " is not on the classpath");
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    /** True if some prefix covers this path (whether or not the file exists). */
    public boolean covers(String path) {
        return prefixes.stream().anyMatch(path::startsWith);
    }

    /** The file for a URL path (no query string), or empty if it is outside the roots, unsafe or missing. */
    public Optional<StaticFile> find(String path) {
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                String rest = path.substring(prefix.length());
                if (rest.isEmpty()) {
                    rest = "index.html";
                }
                if (!safe(rest)) {
                    return Optional.empty();
                }
                return Optional.ofNullable(files.get(prefix + rest));
            }
        }
        return Optional.empty();
    }

    static boolean safe(String relative) {
        for (String segment : relative.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    /** How many files are served: fixed once built. */
    public int size() {
        return files.size();
    }

    private static StaticFile load(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " was listed but cannot be read");
            }
            return new StaticFile(in.readAllBytes(), contentType(resource));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }
}
