package org.skyfleet.cluster;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.cluster.missions.NatsMissionBoard;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionBook;
import org.skyfleet.fleet.mission.MissionState;

/**
 * Shares one node's missions with the others through the board: each change made on this node is posted; a
 * mission posted for a vehicle this node holds is taken in and followed here (it was planned or started
 * through another node, its transfers relayed here); any other is mirrored into the book for listing,
 * followed by its vehicle's owner. On winning a vehicle's link this node takes in the missions its last
 * owner posted, so a mission in flight carries on with its progress (an upload that was under way failed
 * with its node).
 */
final class MissionSharing implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MissionSharing.class.getName());

    private final NatsMissionBoard board;
    /** Set while a change taken from the board is applied, so it is not posted back. */
    private final ThreadLocal<Boolean> takingFromBoard = ThreadLocal.withInitial(() -> false);
    /** Posts missions to the board in the order they changed. */
    private final ExecutorService posts =
            Executors.newSingleThreadExecutor(new DefaultThreadFactory("skyfleet-mission-board", true));
    private final AutoCloseable watch;
    private final AutoCloseable mirror;

    MissionSharing(NatsMissionBoard board, OwnershipGate gate, InstantSource clock, MissionBook book) {
        this.board = board;
        this.watch = book.subscribe(m -> {
            // every change made here (by this node's callers and automation, or its vehicles' reports), none taken from the board
            if (!takingFromBoard.get()) {
                posts.execute(() -> post(m));
            }
        });
        gate.onWon(vehicleId -> {
            for (Mission m : board.of(vehicleId)) {
                if (m.state().isFinal()) {
                    continue;
                }
                Mission carried = m.state() == MissionState.UPLOADING ? m.moveTo(MissionState.FAILED, clock.instant(), "system",
                        "the node uploading it stopped; upload the mission again") : m;
                if (book.adopt(carried)) {
                    LOG.info("carrying on mission " + m.missionId() + " of " + vehicleId + " (" + carried.state() + ", "
                            + carried.itemsDone() + " items done)");
                }
            }
        });
        this.mirror = board.watch(m -> {
            takingFromBoard.set(true);
            try {
                if (gate.holds(m.vehicleId())) {
                    book.adopt(m); // planned, approved or started through another node: this node follows it
                } else {
                    book.mirror(m); // shown here, followed by the vehicle's owner
                }
            } finally {
                takingFromBoard.set(false);
            }
        });
    }

    private void post(Mission m) {
        try {
            board.put(m);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not post mission " + m.missionId() + " to the board", e);
        }
    }

    /** Stops following the board and the book; what is queued is posted before this returns (up to 2 s). */
    @Override
    public void close() {
        try {
            mirror.close();
            watch.close();
        } catch (Exception e) {
            // closing anyway
        }
        posts.shutdown();
        try {
            posts.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
