package org.skyfleet.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.skyfleet.cluster.ClusterConfig;
import org.skyfleet.fleet.response.ResponsePolicy;
import org.skyfleet.server.robot.RobotConfig;
import org.skyfleet.server.vessel.SeaGateConfig;
import org.skyfleet.video.evidence.EvidenceConfig;

/**
 * What a node runs beside the control plane that {@link ServerConfig} describes, one setting per duty: the cluster
 * it joins, the sea gate it hears, the robots it tasks, where it keeps incidents' video. One record, so a new duty
 * adds a component here instead of another {@code SkyfleetServer.start} overload.
 *
 * @param cluster  the NATS cluster to share the fleet on; null: a node on its own
 * @param seaGate  where AIS is heard and the sea-gate rules' limits
 * @param robots   how robots follow, patrol and dock
 * @param evidence where and how long incidents' video is kept
 * @param response the response policy given at start (which calls launch a drone by themselves, wait for approval or never
 *                 fly): kept in the store in place of the one there; null keeps the stored one (or the built-in one)
 * @param historyRetention how long position history (vehicles', units', vessels') is kept for replay
 */
public record NodeParts(ClusterConfig cluster, SeaGateConfig seaGate, RobotConfig robots, EvidenceConfig evidence,
                        ResponsePolicy response, Duration historyRetention) {
    /** Position history kept unless {@code serve --history-retention-days} says otherwise. */
    public static final Duration DEFAULT_HISTORY_RETENTION = Duration.ofDays(30);

    public NodeParts {
        if (historyRetention.isNegative() || historyRetention.isZero()) {
            throw new IllegalArgumentException("history retention must be > 0, got " + historyRetention);
        }
        Objects.requireNonNull(seaGate, "seaGate");
        Objects.requireNonNull(robots, "robots");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** On its own, AIS on a free loopback port, the robots' defaults, evidence under the temporary directory, the response
     * policy the store keeps (the built-in one on a new store). */
    public static NodeParts defaults() {
        return new NodeParts(null, SeaGateConfig.ephemeral(), RobotConfig.defaults(),
                EvidenceConfig.under(Path.of(System.getProperty("java.io.tmpdir"), "skyfleet-evidence")), null,
                DEFAULT_HISTORY_RETENTION);
    }

    public NodeParts withCluster(ClusterConfig given) {
        return new NodeParts(given, seaGate, robots, evidence, response, historyRetention);
    }

    public NodeParts withSeaGate(SeaGateConfig given) {
        return new NodeParts(cluster, given, robots, evidence, response, historyRetention);
    }

    public NodeParts withRobots(RobotConfig given) {
        return new NodeParts(cluster, seaGate, given, evidence, response, historyRetention);
    }

    public NodeParts withEvidence(EvidenceConfig given) {
        return new NodeParts(cluster, seaGate, robots, given, response, historyRetention);
    }

    public NodeParts withResponse(ResponsePolicy given) {
        return new NodeParts(cluster, seaGate, robots, evidence, given, historyRetention);
    }

    public NodeParts withHistoryRetention(Duration given) {
        return new NodeParts(cluster, seaGate, robots, evidence, response, given);
    }
}
