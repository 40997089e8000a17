package org.skyfleet.app.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files under a classpath directory, wherever it lives: a directory on disk (the build's
 * {@code target/classes}) or a jar (the WebJar, the shaded server). Paths are relative, '/'-separated.
 */
final class ResourceIndex {
    private ResourceIndex() {
    }

    /**
     * Lists a directory found through one file known to be in it: a jar need not have entries for its
     * directories, so the class loader may not find the directory itself.
     *
     * @param directory a classpath directory ending in '/'
     * @param knownFile the name of a file directly in it
     * @throws IllegalStateException if that file is not on the class path
     */
    static List<String> list(ClassLoader loader, String directory, String knownFile) {
        URL url = loader.getResource(directory + knownFile);
        if (url == null) {
            throw new IllegalStateException(directory + knownFile + " is not on the classpath");
        }
        try {
            URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) {
                return walk(Path.of(uri).getParent());
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return walk(jar.provider().getPath(uri).getParent());
            } catch (FileSystemAlreadyExistsException e) {
                return walk(FileSystems.getFileSystem(uri).provider().getPath(uri).getParent()); // someone else's: left open
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + url, e);
        }
    }

    private static List<String> walk(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
                    .sorted()
                    .toList();
        }
    }
}
