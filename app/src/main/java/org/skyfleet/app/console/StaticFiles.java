package org.skyfleet.app.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Maps URL paths under fixed prefixes to classpath resources: the console's own files and Leaflet's
 * WebJar. A path is accepted only if every segment is a plain file or directory name (letters, digits,
 * '.', '_', '-', not starting with '.'), so '..', encoded dots, backslashes and absolute paths never
 * reach the class loader; only the listed prefixes are served, never the rest of the classpath.
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

    private final ClassLoader loader;
    private final Map<String, String> roots;
    private final Map<String, Optional<StaticFile>> cache = new ConcurrentHashMap<>();

    /** @param roots URL prefix (ending in '/') to classpath directory (ending in '/') */
    public StaticFiles(ClassLoader loader, Map<String, String> roots) {
        this.loader = loader;
        this.roots = Map.copyOf(roots);
    }

    /** The console's files and Leaflet's {@code dist/} from its WebJar, whichever version is on the classpath. */
    public static StaticFiles console() {
        ClassLoader loader = StaticFiles.class.getClassLoader();
        return new StaticFiles(loader, Map.of(
                CONSOLE_PREFIX, "org/skyfleet/console/",
                LEAFLET_PREFIX, "META-INF/resources/webjars/leaflet/" + webJarVersion(loader, "org.webjars.npm", "leaflet") + "/dist/"));
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
        return roots.keySet().stream().anyMatch(path::startsWith);
    }

    /** The file for a URL path (no query string), or empty if it is outside the roots, unsafe or missing. */
    public Optional<StaticFile> find(String path) {
        for (Map.Entry<String, String> root : roots.entrySet()) {
            if (path.startsWith(root.getKey())) {
                String rest = path.substring(root.getKey().length());
                if (rest.isEmpty()) {
                    rest = "index.html";
                }
                if (!safe(rest)) {
                    return Optional.empty();
                }
                String resource = root.getValue() + rest;
                return cache.computeIfAbsent(resource, this::load);
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

    private Optional<StaticFile> load(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new StaticFile(in.readAllBytes(), contentType(resource)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }
}
