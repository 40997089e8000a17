package org.skyfleet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and the manual under docs/ (and the modules' READMEs) link only inside the repository: every
 * relative link names a file that exists, every {@code #anchor} a heading of its target (GitHub's slugs),
 * and no link leaves the repository, neither to the web nor above the repository root. Text inside code
 * blocks and code spans is not a link and is not checked.
 */
class DocsLinksTest {
    /** {@code [text](target)} and {@code ![alt](target)}, with an optional {@code "title"}. */
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** {@code [id]: target}, a reference definition. */
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");
    /** Anything GitHub would turn into a link to the web: autolinks and bare addresses. */
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)\\b(?:https?|ftp)://\\S+|\\bwww\\.\\S+|<mailto:[^>]+>");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");

    private final Path root = repositoryRoot();

    @Test
    void everyRelativeLinkNamesAFileAndHeadingThatExist() {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (Link link : links(page)) {
                if (SCHEME.matcher(link.target()).find()) {
                    continue; // the next test's concern
                }
                check(link).ifPresent(broken::add);
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void noLinkLeavesTheRepository() {
        List<String> leaving = new ArrayList<>();
        for (Path page : pages()) {
            for (Link link : links(page)) {
                if (SCHEME.matcher(link.target()).find()) {
                    leaving.add(link.where() + ": " + link.target() + " leaves the repository");
                }
            }
            List<String> lines = proseLines(page);
            for (int i = 0; i < lines.size(); i++) {
                Matcher web = WEB_ADDRESS.matcher(lines.get(i));
                while (web.find()) {
                    leaving.add(root.relativize(page) + ":" + (i + 1) + ": " + web.group()
                            + " is a web address outside code (put a local address in `code`, name a third party in plain text)");
                }
            }
        }
        assertThat(leaving).as("links out of the repository").isEmpty();
    }

    @Test
    void theCheckerFindsTheLinksItIsMeantTo() throws IOException {
        Path dir = Files.createTempDirectory("docs-links");
        Path page = dir.resolve("page.md");
        Files.writeString(page, String.join("\n",
                "# A `code` heading: with *marks*",
                "[ok](#a-code-heading-with-marks) [img](pic.png \"title\") ![alt](../up.md)",
                "```",
                "[not a link](nowhere.md) http://example.org",
                "```",
                "`[not a link either](nowhere.md)`",
                "[ref]: other.md#x"));
        assertThat(links(page)).extracting(Link::target)
                .containsExactly("#a-code-heading-with-marks", "pic.png", "../up.md", "other.md#x");
        assertThat(headingSlugs(page)).containsExactly("a-code-heading-with-marks");
        assertThat(slugs(List.of("Ports", "Ports", "What is kept: H2 & PostgreSQL")))
                .containsExactly("ports", "ports-1", "what-is-kept-h2--postgresql");
    }

    private java.util.Optional<String> check(Link link) {
        String target = link.target();
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? link.page() : link.page().getParent().resolve(decode(file)).normalize();
        if (!resolved.startsWith(root)) {
            return java.util.Optional.of(link.where() + ": " + target + " climbs above the repository root");
        }
        if (!Files.exists(resolved)) {
            return java.util.Optional.of(link.where() + ": " + target + " names no file (" + root.relativize(resolved) + ")");
        }
        if (anchor != null && !anchor.isEmpty()) {
            if (!resolved.toString().endsWith(".md")) {
                return java.util.Optional.of(link.where() + ": " + target + " has an anchor into a file that is not Markdown");
            }
            if (!headingSlugs(resolved).contains(anchor)) {
                return java.util.Optional.of(link.where() + ": " + target + " names no heading of "
                        + root.relativize(resolved) + " (has " + headingSlugs(resolved) + ")");
            }
        }
        return java.util.Optional.empty();
    }

    /** README.md, every Markdown file under docs/, and each module's README. */
    private List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"));
             Stream<Path> top = Files.list(root)) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            top.filter(Files::isDirectory).map(d -> d.resolve("README.md")).filter(Files::isRegularFile).sorted()
                    .forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    private List<Link> links(Path page) {
        List<Link> links = new ArrayList<>();
        List<String> lines = proseLines(page);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = (page.startsWith(root) ? root.relativize(page) : page.getFileName()) + ":" + (i + 1);
            Matcher inline = INLINE_LINK.matcher(line);
            while (inline.find()) {
                links.add(new Link(page, where, inline.group(1)));
            }
            Matcher reference = REFERENCE_DEFINITION.matcher(line);
            if (reference.find()) {
                links.add(new Link(page, where, reference.group(1)));
            }
        }
        return links;
    }

    /** The page's lines with fenced code blocks blanked and code spans removed: what is left can link. */
    private static List<String> proseLines(Path page) {
        List<String> prose = new ArrayList<>();
        String fence = null;
        for (String line : readLines(page)) {
            String trimmed = line.stripLeading();
            if (fence == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                fence = trimmed.substring(0, 3);
                prose.add("");
            } else if (fence != null) {
                if (trimmed.startsWith(fence)) {
                    fence = null;
                }
                prose.add("");
            } else {
                prose.add(line.replaceAll("(`+)(?:(?!\\1).)+?\\1", ""));
            }
        }
        return prose;
    }

    private static Set<String> headingSlugs(Path page) {
        List<String> headings = new ArrayList<>();
        String fence = null;
        for (String line : readLines(page)) {
            String trimmed = line.stripLeading();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fence = fence == null ? trimmed.substring(0, 3) : (trimmed.startsWith(fence) ? null : fence);
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (fence == null && heading.matches()) {
                headings.add(heading.group(1));
            }
        }
        return new LinkedHashSet<>(slugs(headings));
    }

    /**
     * GitHub's anchors: the heading's text (links by their text, code spans and emphasis by their
     * content), lower-cased, without punctuation but hyphens and underscores, spaces turned into hyphens;
     * a repeated anchor gets -1, -2...
     */
    static List<String> slugs(List<String> headings) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> slugs = new ArrayList<>();
        for (String heading : headings) {
            String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                    .replaceAll("[`*]", "")
                    .replaceAll("(^|\\s)_+|_+(\\s|$)", "$1$2");
            String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            slugs.add(n == 0 ? slug : slug + "-" + n);
        }
        return slugs;
    }

    private static String decode(String path) {
        return java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> readLines(Path page) {
        try {
            return Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root: the nearest directory up from here whose pom.xml lists the app module. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>app</module>")) {
                    return dir.normalize();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no pom.xml with <module>app</module> above " + Path.of("").toAbsolutePath());
    }

    private record Link(Path page, String where, String target) {
    }
}
