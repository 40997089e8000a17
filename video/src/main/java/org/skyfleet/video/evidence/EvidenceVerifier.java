package org.skyfleet.video.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.skyfleet.fleet.audit.AuditEntry;
import org.skyfleet.fleet.audit.AuditJournal;

/**
 * Checks an evidence export against itself and against the audit journal, as named rules that each report the
 * file they concern:
 * <ul>
 *   <li>{@code missing-file}: a segment the manifest lists is not in the directory;</li>
 *   <li>{@code hash-mismatch}: a file's SHA-256 (recomputed) or size is not what the manifest says;</li>
 *   <li>{@code unlisted-file}: an MP4 file in the directory the manifest does not list;</li>
 *   <li>{@code journal-broken}: the journal's hash chain does not hold (an entry changed or removed);</li>
 *   <li>{@code journal-mismatch}: the manifest's audit entry for a file does not exist, has another hash, or does
 *       not journal this incident, file and SHA-256;</li>
 *   <li>{@code missing-segment}: the journal recorded a segment of this incident, before the export was made, that
 *       the export does not hold and that was not deleted since (expired or deleted by an admin, both journaled).</li>
 * </ul>
 */
public final class EvidenceVerifier {
    /** The detail of an "evidence segment recorded" entry: "incident I, file F, sha256 H, start .. end". */
    private static final Pattern RECORDED = Pattern.compile("incident (\\S+), file (\\S+), sha256 ([0-9a-f]{64}), .*");
    private static final Pattern EXPIRED = Pattern.compile("incident (\\S+), file (\\S+), .*");
    private static final Pattern DELETED = Pattern.compile("incident (\\S+), \\d+ segment\\(s\\), .*");

    /** One problem found: the rule broken, the file (or entry) it concerns, and what is wrong. */
    public record Problem(String rule, String file, String message) {
        @Override
        public String toString() {
            return rule + ": " + file + ": " + message;
        }
    }

    private EvidenceVerifier() {
    }

    /**
     * Verifies the export in {@code dir} against {@code journal} (the whole chain, in sequence order).
     *
     * @return every problem found; empty when the export is intact and matches the journal
     * @throws IOException if the manifest cannot be read
     */
    public static List<Problem> verify(Path dir, List<AuditEntry> journal) throws IOException {
        EvidenceManifest manifest = EvidenceManifest.read(dir);
        List<Problem> problems = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (EvidenceManifest.Entry e : manifest.segments()) {
            listed.add(e.file());
            checkFile(dir, e, problems);
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mp4") && !listed.contains(n)).sorted()
                    .forEach(n -> problems.add(new Problem("unlisted-file", n, "in the directory but not in the manifest")));
        }
        AuditJournal.firstBroken(journal).ifPresent(b -> problems.add(new Problem("journal-broken", "audit entry " + b.sequence(),
                "the journal's hash chain breaks here: an entry was changed, or one before it removed")));
        Map<Long, AuditEntry> bySequence = new HashMap<>();
        journal.forEach(a -> bySequence.put(a.sequence(), a));
        for (EvidenceManifest.Entry e : manifest.segments()) {
            checkJournal(manifest.incidentId(), e, bySequence.get(e.auditSequence()), problems);
        }
        checkNothingLeftOut(manifest.incidentId(), listed, journal.stream()
                .filter(a -> !a.time().isAfter(manifest.exportedAt())).toList(), problems);
        return problems;
    }

    private static void checkFile(Path dir, EvidenceManifest.Entry e, List<Problem> problems) throws IOException {
        Path file = dir.resolve(e.file()).normalize();
        if (!file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
            problems.add(new Problem("missing-file", e.file(), "listed in the manifest but not in the directory"));
            return;
        }
        String sha = EvidenceRecorder.sha256(file);
        if (!sha.equals(e.sha256())) {
            problems.add(new Problem("hash-mismatch", e.file(), "SHA-256 is " + sha + ", the manifest and journal say " + e.sha256()
                    + ": the file was changed"));
        } else if (Files.size(file) != e.sizeBytes()) {
            problems.add(new Problem("hash-mismatch", e.file(), "size is " + Files.size(file) + " bytes, the manifest says " + e.sizeBytes()));
        }
    }

    private static void checkJournal(String incidentId, EvidenceManifest.Entry e, AuditEntry entry, List<Problem> problems) {
        if (entry == null) {
            problems.add(new Problem("journal-mismatch", e.file(), "audit entry " + e.auditSequence() + " is not in the journal"));
            return;
        }
        Matcher m = RECORDED.matcher(entry.detail());
        if (!entry.hash().equals(e.auditHash()) || !entry.action().equals("evidence segment recorded") || !m.matches()
                || !m.group(1).equals(incidentId) || !m.group(2).equals(e.file()) || !m.group(3).equals(e.sha256())) {
            problems.add(new Problem("journal-mismatch", e.file(), "audit entry " + e.auditSequence()
                    + " does not journal this file with this SHA-256 for incident " + incidentId));
        }
    }

    private static void checkNothingLeftOut(String incidentId, Set<String> listed, List<AuditEntry> journal, List<Problem> problems) {
        Map<String, Long> recorded = new java.util.LinkedHashMap<>();
        for (AuditEntry a : journal) {
            switch (a.action()) {
                case "evidence segment recorded" -> {
                    Matcher m = RECORDED.matcher(a.detail());
                    if (m.matches() && m.group(1).equals(incidentId)) {
                        recorded.put(m.group(2), a.sequence());
                    }
                }
                case "evidence segment expired" -> {
                    Matcher m = EXPIRED.matcher(a.detail());
                    if (m.matches() && m.group(1).equals(incidentId)) {
                        recorded.remove(m.group(2));
                    }
                }
                case "evidence deleted" -> {
                    Matcher m = DELETED.matcher(a.detail());
                    if (m.matches() && m.group(1).equals(incidentId)) {
                        recorded.clear();
                    }
                }
                default -> { }
            }
        }
        recorded.forEach((file, sequence) -> {
            if (!listed.contains(file)) {
                problems.add(new Problem("missing-segment", file, "recorded in audit entry " + sequence
                        + " but not in this export (and not deleted since)"));
            }
        });
    }
}
