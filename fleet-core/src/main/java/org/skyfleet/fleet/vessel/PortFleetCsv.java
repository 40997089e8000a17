package org.skyfleet.fleet.vessel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the port's fleet register from CSV: a header {@code mmsi,name,owner,home_port} (any order, case
 * ignored), then one vessel a row. Fields may be quoted ("a, b" and "" for a quote). Every bad row is
 * reported with its line and column, all of them at once, and then nothing is imported: a register is taken
 * whole or not at all.
 */
public final class PortFleetCsv {
    private static final List<String> COLUMNS = List.of("mmsi", "name", "owner", "home_port");
    /** A port's register is thousands of boats; far more is a wrong file. */
    static final int MAX_ROWS = 100_000;

    /** Every row that could not be read, by line. */
    public static final class InvalidRegisterException extends IllegalArgumentException {
        private final List<String> problems;

        InvalidRegisterException(List<String> problems) {
            super(problems.size() + " problem(s) in the fleet register: " + String.join("; ",
                    problems.subList(0, Math.min(20, problems.size()))) + (problems.size() > 20 ? "; ..." : ""));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private PortFleetCsv() {
    }

    /** @throws InvalidRegisterException naming every bad row, line and column */
    public static PortFleet read(Reader csv) throws IOException {
        BufferedReader in = new BufferedReader(csv);
        String header = in.readLine();
        if (header == null) {
            throw new InvalidRegisterException(List.of("line 1: empty file, expected the header " + String.join(",", COLUMNS)));
        }
        List<String> names = split(header.replace("\uFEFF", ""));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i).strip().toLowerCase(), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidRegisterException(List.of("line 1: header lacks column(s) " + missing + ", has " + names));
        }
        List<PortFleetEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<Long, Integer> lineOf = new HashMap<>();
        String row;
        int line = 1;
        while ((row = in.readLine()) != null) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            if (entries.size() + problems.size() >= MAX_ROWS) {
                problems.add("line " + line + ": more than " + MAX_ROWS + " rows");
                break;
            }
            List<String> f;
            try {
                f = split(row);
            } catch (IllegalArgumentException e) {
                problems.add("line " + line + ": " + e.getMessage());
                continue;
            }
            if (f.size() != names.size()) {
                problems.add("line " + line + ": " + f.size() + " fields, the header has " + names.size());
                continue;
            }
            String mmsiText = f.get(index.get("mmsi")).strip();
            String name = f.get(index.get("name")).strip();
            int before = problems.size();
            long mmsi = -1;
            if (!mmsiText.matches("\\d{9}")) {
                problems.add("line " + line + ", column mmsi: '" + mmsiText + "' is not a 9-digit MMSI");
            } else {
                mmsi = Long.parseLong(mmsiText);
                Integer first = lineOf.putIfAbsent(mmsi, line);
                if (first != null) {
                    problems.add("line " + line + ", column mmsi: " + mmsi + " already on line " + first);
                }
            }
            if (name.isEmpty()) {
                problems.add("line " + line + ", column name: empty");
            }
            if (problems.size() == before) {
                entries.add(new PortFleetEntry(mmsi, name, f.get(index.get("owner")).strip(), f.get(index.get("home_port")).strip()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRegisterException(problems);
        }
        return PortFleet.of(entries);
    }

    /** RFC 4180 fields of one line. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote");
        }
        out.add(field.toString());
        return out;
    }
}
