package org.skyfleet.video.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an evidence export holds, as {@code manifest.json} beside the video files: the incident, when it was
 * exported and, per file, the vehicle, start and end UTC, size, SHA-256 and the audit entry (sequence and hash)
 * that journaled the hash when the segment was recorded.
 */
public record EvidenceManifest(String incidentId, Instant exportedAt, List<Entry> segments) {
    public static final String FILE_NAME = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public EvidenceManifest {
        segments = List.copyOf(segments);
    }

    /** One exported segment. */
    public record Entry(String vehicleId, String file, Instant start, Instant end, long sizeBytes, String sha256,
                        long auditSequence, String auditHash) {
    }

    /** Writes {@code dir/manifest.json}. */
    public void write(Path dir) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("incident", incidentId);
        root.put("exportedAt", exportedAt.toString());
        ArrayNode list = root.putArray("segments");
        for (Entry e : segments) {
            list.addObject().put("vehicle", e.vehicleId()).put("file", e.file()).put("start", e.start().toString())
                    .put("end", e.end().toString()).put("sizeBytes", e.sizeBytes()).put("sha256", e.sha256())
                    .put("auditSequence", e.auditSequence()).put("auditHash", e.auditHash());
        }
        Files.writeString(dir.resolve(FILE_NAME), JSON.writeValueAsString(root) + "\n");
    }

    /**
     * Reads {@code dir/manifest.json}.
     *
     * @throws IOException if it is missing or not a manifest (a field missing or of the wrong kind)
     */
    public static EvidenceManifest read(Path dir) throws IOException {
        JsonNode root = JSON.readTree(dir.resolve(FILE_NAME).toFile());
        List<Entry> entries = new ArrayList<>();
        try {
            for (JsonNode n : required(root, "segments")) {
                entries.add(new Entry(text(n, "vehicle"), text(n, "file"), Instant.parse(text(n, "start")), Instant.parse(text(n, "end")),
                        required(n, "sizeBytes").asLong(), text(n, "sha256"), required(n, "auditSequence").asLong(), text(n, "auditHash")));
            }
            return new EvidenceManifest(text(root, "incident"), Instant.parse(text(root, "exportedAt")), entries);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IOException(FILE_NAME + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IOException(FILE_NAME + " has no '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode n, String field) throws IOException {
        return required(n, field).asText();
    }
}
