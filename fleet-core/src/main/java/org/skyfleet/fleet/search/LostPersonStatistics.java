package org.skyfleet.fleet.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Lost-person distance statistics read from a CSV table (the bundled one is
 * {@code lost-person-distances.csv} beside this class).
 *
 * <p>Format: lines starting with {@code #} and blank lines are comments; the first other line is the
 * header {@code category,terrain,p25_km,p50_km,p75_km,p95_km,sample_size,source,note}; fields may be
 * double-quoted (a quote inside is doubled). The first row of a category is its default. A malformed row
 * fails the whole load with the file name, line number and what is wrong: a half-read table must never
 * drive a search.
 */
public final class LostPersonStatistics {
    static final String RESOURCE = "lost-person-distances.csv";
    private static final List<String> HEADER =
            List.of("category", "terrain", "p25_km", "p50_km", "p75_km", "p95_km", "sample_size", "source", "note");

    private final List<DistanceQuantiles> rows;
    private final Map<SubjectCategory, DistanceQuantiles> defaults;

    private LostPersonStatistics(List<DistanceQuantiles> rows) {
        this.rows = List.copyOf(rows);
        this.defaults = new EnumMap<>(SubjectCategory.class);
        for (DistanceQuantiles q : rows) {
            defaults.putIfAbsent(q.category(), q);
        }
    }

    /** The bundled table; every {@link SubjectCategory} must have a row. */
    public static LostPersonStatistics bundled() {
        try (InputStream in = LostPersonStatistics.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            LostPersonStatistics stats = parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
            for (SubjectCategory c : SubjectCategory.values()) {
                if (!stats.defaults.containsKey(c)) {
                    throw new IllegalStateException(RESOURCE + " has no row for " + c);
                }
            }
            return stats;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Parses a table.
     *
     * @param name the file name, for messages
     * @throws IllegalArgumentException naming the line of the first malformed row
     * @throws UncheckedIOException when the reader fails
     */
    public static LostPersonStatistics parse(Reader reader, String name) {
        try {
            return parseLines(new BufferedReader(reader), name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static LostPersonStatistics parseLines(BufferedReader in, String name) throws IOException {
        List<DistanceQuantiles> rows = new ArrayList<>();
        boolean headerSeen = false;
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = name + " line " + lineNo;
            List<String> fields = CsvLine.split(line, where);
            if (!headerSeen) {
                if (!fields.equals(HEADER)) {
                    throw new IllegalArgumentException(where + ": expected the header " + String.join(",", HEADER)
                            + ", got " + line);
                }
                headerSeen = true;
                continue;
            }
            rows.add(row(fields, where));
        }
        if (!headerSeen) {
            throw new IllegalArgumentException(name + " has no header line");
        }
        return new LostPersonStatistics(rows);
    }

    private static DistanceQuantiles row(List<String> f, String where) {
        if (f.size() != HEADER.size()) {
            throw new IllegalArgumentException(where + ": expected " + HEADER.size() + " fields, got " + f.size()
                    + " (quote fields that contain commas)");
        }
        SubjectCategory category;
        try {
            category = SubjectCategory.valueOf(f.get(0).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown subject category '" + f.get(0) + "'");
        }
        double p25 = km(f, 2, where), p50 = km(f, 3, where), p75 = km(f, 4, where), p95 = km(f, 5, where);
        String size = f.get(6).trim();
        int n;
        try {
            n = size.isEmpty() ? 0 : Integer.parseInt(size);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": sample_size '" + size + "' is not a whole number");
        }
        try {
            return new DistanceQuantiles(category, f.get(1).trim(), p25, p50, p75, p95, n, f.get(7).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static double km(List<String> f, int i, String where) {
        String s = f.get(i).trim();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + HEADER.get(i) + " '" + s + "' is not a number");
        }
    }

    /** The default (first listed) figures for a category. */
    public DistanceQuantiles forCategory(SubjectCategory category) {
        DistanceQuantiles q = defaults.get(category);
        if (q == null) {
            throw new IllegalArgumentException("no distance statistics for " + category);
        }
        return q;
    }

    /** The figures for a category in a terrain or region, e.g. (HIKER, "temperate-mountain"). */
    public DistanceQuantiles forCategory(SubjectCategory category, String terrain) {
        return rows.stream().filter(q -> q.category() == category && q.terrain().equalsIgnoreCase(terrain))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no distance statistics for " + category
                        + " in terrain '" + terrain + "'"));
    }

    /** Every row, in file order. */
    public List<DistanceQuantiles> all() {
        return rows;
    }
}
