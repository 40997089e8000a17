package org.skyfleet.simulator.sensor;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes each sighting report as one JSON line to a file (created, or truncated), flushed per line. */
public final class LogFileDetectionSink implements DetectionSink {
    private final ObjectMapper json = new ObjectMapper();
    private final BufferedWriter out;

    public LogFileDetectionSink(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the detection log " + file, e);
        }
    }

    @Override
    public synchronized void report(SightingReport report) {
        try {
            out.write(json.writeValueAsString(report));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the detection log", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
