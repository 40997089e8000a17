package org.skyfleet.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.event.EventType;
import org.skyfleet.fleet.incident.TimelineKind;

/**
 * The console's message catalogues: the same keys and placeholders in zh-CN and en, a message for every key
 * the page and its scripts use, for every timeline code and alert the server sends and every API enum the
 * console shows, and no sentence left in the scripts or the page outside the catalogue.
 */
class ConsoleCatalogueTest {
    private static final Path CONSOLE = Path.of("src/main/resources/org/skyfleet/console");
    private static final Path SERVER_SOURCES = Path.of("..", "server", "src", "main", "java");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private static Map<String, String> catalogue(String locale) throws IOException {
        try (InputStream in = ConsoleCatalogueTest.class.getResourceAsStream("/org/skyfleet/console/i18n/" + locale + ".json")) {
            assertThat(in).as(locale + " catalogue on the classpath").isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, String> m = new ObjectMapper().readValue(in, LinkedHashMap.class);
            return m;
        }
    }

    private static Set<String> placeholders(String message) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyKeyIsInBothLocalesWithTheSamePlaceholders() throws IOException {
        Map<String, String> en = catalogue("en");
        Map<String, String> zh = catalogue("zh-CN");
        assertThat(zh.keySet()).as("zh-CN keys").containsExactlyInAnyOrderElementsOf(en.keySet());
        for (String key : en.keySet()) {
            assertThat(en.get(key)).as("en " + key).isNotBlank();
            assertThat(zh.get(key)).as("zh-CN " + key).isNotBlank();
            assertThat(placeholders(zh.get(key))).as("placeholders of " + key).isEqualTo(placeholders(en.get(key)));
        }
    }

    @Test
    void everyKeyThePageAndScriptsUseIsInTheCatalogue() throws IOException {
        Set<String> keys = catalogue("en").keySet();
        Set<String> used = new TreeSet<>();
        Pattern html = Pattern.compile("data-i18n(?:-title|-placeholder)?=\"([^\"]+)\"");
        Pattern js = Pattern.compile("\\bt\\(\\s*'([^']+)'|'((?:bar|plan|panel|incidents|details|signin|alert|error|layer|tip|vehicle"
                + "|lang|role|page|gates|wall|map|geo)\\.[A-Za-z0-9_.-]*[A-Za-z0-9_-])'|\\bL_\\('([^']+)'\\)");
        for (Path f : consoleFiles()) {
            String text = Files.readString(f);
            Matcher m = (f.toString().endsWith(".html") ? html : js).matcher(text);
            while (m.find()) {
                if (m.group(1) != null) {
                    if (!m.group(1).endsWith(".")) { // a prefix, completed at run time (checked below for the server's codes)
                        used.add(m.group(1));
                    }
                } else if (m.group(2) != null) {
                    used.add(m.group(2));
                } else {
                    used.add("details." + m.group(3));
                }
            }
        }
        assertThat(used).as("keys used by the console").hasSizeGreaterThan(100);
        assertThat(keys).as("the catalogue").containsAll(used);
    }

    @Test
    void everyTimelineCodeAlertAndEnumTheServerSendsHasAMessage() throws IOException {
        Set<String> keys = catalogue("en").keySet();
        for (TimelineKind k : TimelineKind.values()) {
            if (k != TimelineKind.NOTE) { // a NOTE always says which note it is
                assertThat(keys).contains("timeline." + k.name());
            }
        }
        for (String code : timelineCodesInServerSources()) {
            assertThat(keys).as("timeline code " + code + " used by the server").contains("timeline." + code);
        }
        for (EventType e : AlertLog.ALERTING) {
            assertThat(keys).contains("alert.kind." + e.name(), "alert.msg." + e.name());
        }
        assertThat(keys).contains("alert.msg.NEW_SIGHTING", "alert.msg.TRACK_CONFIRMED");
        List<Class<? extends Enum<?>>> shown = List.of(org.skyfleet.proto.v1.IncidentPriority.class,
                org.skyfleet.proto.v1.IncidentType.class, org.skyfleet.proto.v1.IncidentState.class,
                org.skyfleet.proto.v1.MissionState.class, org.skyfleet.proto.v1.TrackState.class,
                org.skyfleet.proto.v1.SearchState.class, org.skyfleet.proto.v1.GeofenceCategory.class,
                org.skyfleet.proto.v1.GeofenceZoneKind.class, org.skyfleet.proto.v1.TargetClass.class,
                org.skyfleet.proto.v1.SightingSource.class, org.skyfleet.proto.v1.UnitStatus.class,
                org.skyfleet.proto.v1.UnitType.class);
        for (Class<? extends Enum<?>> type : shown) {
            for (Enum<?> v : type.getEnumConstants()) {
                if (!v.name().endsWith("_UNSPECIFIED") && !v.name().equals("UNRECOGNIZED")) {
                    assertThat(keys).as("a word for " + v.name()).contains("enum." + v.name());
                }
            }
        }
    }

    /**
     * No sentence in the scripts outside the catalogue: every string literal with two or more words of
     * letters is a catalogue key, a CSS/DOM name, or one of the few API-side texts listed here (reasons the
     * server writes to the audit journal in the API's language).
     */
    @Test
    void noConsoleStringIsLeftInTheScriptsOrThePage() throws IOException {
        Set<String> apiSide = Set.of("decided in the console", "approved in the console", "refresh failed", "no message for",
                "muted by", "sf1....", "2-digit", "feed on", "feed off", "input:checked",
                "name:zh"); // a vector tile's tag key
        Pattern literal = Pattern.compile("'([^'\\n]*)'|`([^`]*)`|\"([^\"\\n]*)\"");
        Pattern words = Pattern.compile("[A-Za-z]{2,}[ ,:]+[A-Za-z]{2,}");
        List<String> found = new ArrayList<>();
        for (Path f : consoleFiles()) {
            if (f.toString().endsWith(".css") || f.toString().endsWith(".json")) {
                continue;
            }
            if (f.getParent().getFileName().toString().equals("vendor")) {
                continue; // third-party code, unmodified: its messages are for developers, in its exceptions
            }
            String text = stripComments(Files.readString(f), f.toString().endsWith(".html"));
            if (f.toString().endsWith(".html")) {
                // text between tags, outside <code> (a command is typed as written) and the brand
                String body = text.replaceAll("(?s)<code>.*?</code>", "").replaceAll("(?s)<script.*?</script>", "")
                        .replaceAll("(?s)<head>.*?</head>", "");
                Matcher m = Pattern.compile(">([^<]+)<").matcher(body);
                while (m.find()) {
                    String s = m.group(1).strip();
                    if (!s.isEmpty() && !s.equals("SkyFleet") && !s.equals("0")) {
                        found.add(f.getFileName() + ": " + s);
                    }
                }
                continue;
            }
            Matcher m = literal.matcher(text);
            while (m.find()) {
                String s = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2).replaceAll("\\$\\{[^}]*}", " ") : m.group(3);
                if (words.matcher(s).find() && !apiSide.contains(s.strip()) && !s.contains("px") && !s.contains("sans-serif")
                        && !s.startsWith("/") && !s.contains("://") && !s.matches(".*\\b(move|zoom|resize|moveend|zoomend)\\b.*")) {
                    found.add(f.getFileName() + ": " + s);
                }
            }
        }
        assertThat(found).as("console strings outside the catalogue").isEmpty();
    }

    private static String stripComments(String text, boolean html) {
        if (html) {
            return text.replaceAll("(?s)<!--.*?-->", "");
        }
        return text.replaceAll("(?m)^\\s*//.*$", "").replaceAll("(?m)\\s//\\s.*$", "").replaceAll("(?s)/\\*.*?\\*/", "");
    }

    private static List<Path> consoleFiles() throws IOException {
        try (Stream<Path> s = Files.walk(CONSOLE)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("i18n")).sorted().toList();
        }
    }

    /** The message codes the server's sources give timeline entries ({@code withCode("X")} and coded records). */
    private static Set<String> timelineCodesInServerSources() throws IOException {
        Set<String> codes = new TreeSet<>();
        Pattern coded = Pattern.compile("\"((?:NOTE|DRONE|TRACK|SIGHTING|SEARCH|UNIT)_[A-Z_]*[A-Z])\"");
        try (Stream<Path> s = Files.walk(SERVER_SOURCES)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                if (!text.contains("TimelineEntry")) {
                    continue;
                }
                Matcher m = coded.matcher(text);
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        assertThat(codes).as("codes found in the server's sources").contains("NOTE_NO_UNIT_AVAILABLE", "DRONE_RETURNING");
        return codes;
    }
}
