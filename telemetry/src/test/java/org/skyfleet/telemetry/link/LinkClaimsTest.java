package org.skyfleet.telemetry.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavType;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.event.EventType;
import org.skyfleet.fleet.vehicle.LinkClaims;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.telemetry.mavlink.TestFrames;

/**
 * Who may take an unsigned link: a new address after link loss is a claim an operator confirms, never a silent
 * re-bind (the security probe's "a lost unsigned link is taken by whoever speaks next").
 */
class LinkClaimsTest {
    private static final InetSocketAddress DRONE = new InetSocketAddress("10.0.0.7", 14_580);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("10.6.6.6", 14_580);
    private static final InetSocketAddress THIRD = new InetSocketAddress("10.6.6.7", 14_580);
    private static final String ID = "mav-test-7";
    private static final Object HOLD = CommandLong.builder().command(MavCmd.MAV_CMD_DO_SET_MODE).targetSystem(7).build();

    private int seq;

    private byte[] heartbeat() {
        return TestFrames.v2(7, 1, seq++, TestFrames.heartbeat(MavType.MAV_TYPE_QUADROTOR, MavAutopilot.MAV_AUTOPILOT_PX4, true));
    }

    private static VehicleIdentity identity(LinkHarness link) {
        return link.registry.find(ID).orElseThrow().identity();
    }

    private static List<LinkHarness.Sent> sentTo(LinkHarness link, InetSocketAddress to) {
        return link.drainSent().stream().filter(s -> s.to().equals(to)).toList();
    }

    private LinkHarness lostDroneThenStranger(LinkHarness link) {
        link.feed(DRONE, heartbeat());
        link.advance(Duration.ofSeconds(4));  // link lost
        link.drainSent();
        link.feed(STRANGER, heartbeat());
        link.feed(STRANGER, TestFrames.v2(7, 1, seq++, TestFrames.position(515_000_000, -1_270_000, 30_000, 10_000)));
        return link;
    }

    @Test
    void strangerAfterLinkLossMakesAClaimNotARebind() {
        LinkHarness link = lostDroneThenStranger(new LinkHarness());

        VehicleIdentity id = identity(link);
        assertThat(id.linkPeer()).isEqualTo("10.0.0.7:14580");
        assertThat(id.linkClaim()).isEqualTo("10.6.6.6:14580");
        assertThat(link.registry.find(ID).orElseThrow().position()).as("telemetry applied, marked unconfirmed").isNotNull();
        assertThat(link.events).filteredOn(e -> e.type() == EventType.LINK_CLAIMED).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("10.6.6.6:14580", "10.0.0.7:14580"));
        assertThat(link.handler.pendingClaimOf(ID)).isEqualTo("10.6.6.6:14580");

        assertThat(link.handler.sendTo(ID, List.of(HOLD))).isFalse();
        link.advance(Duration.ofSeconds(2));  // GCS heartbeats, stream-request timeouts
        assertThat(sentTo(link, STRANGER)).as("nothing goes to a claimed address").isEmpty();
    }

    @Test
    void confirmingTheNamedAddressRebindsAndSendsThere() {
        LinkHarness link = lostDroneThenStranger(new LinkHarness());

        assertThat(link.handler.confirmClaim(ID, "10.6.6.7:14580").outcome()).isEqualTo(LinkClaims.Outcome.OTHER_ADDRESS);
        LinkClaims.Confirmation c = link.handler.confirmClaim(ID, "10.6.6.6:14580");

        assertThat(c.outcome()).isEqualTo(LinkClaims.Outcome.CONFIRMED);
        assertThat(c.previousPeer()).isEqualTo("10.0.0.7:14580");
        assertThat(identity(link).linkPeer()).isEqualTo("10.6.6.6:14580");
        assertThat(identity(link).claimPending()).isFalse();
        assertThat(link.events).extracting(e -> e.type()).contains(EventType.LINK_CLAIM_CONFIRMED);
        link.drainSent();
        assertThat(link.handler.sendTo(ID, List.of(HOLD))).isTrue();
        assertThat(sentTo(link, STRANGER)).map(LinkHarness.Sent::payload).anyMatch(CommandLong.class::isInstance);
        assertThat(link.handler.confirmClaim(ID, "10.6.6.6:14580").outcome()).isEqualTo(LinkClaims.Outcome.NO_CLAIM);
    }

    @Test
    void theConfirmedAddressSpeakingAgainWithdrawsTheClaim() {
        LinkHarness link = lostDroneThenStranger(new LinkHarness());

        link.feed(DRONE, heartbeat());

        assertThat(identity(link).claimPending()).isFalse();
        assertThat(link.events).extracting(e -> e.type()).contains(EventType.LINK_CLAIM_WITHDRAWN);
        link.feed(STRANGER, heartbeat());
        assertThat(identity(link).claimPending()).as("the link is up again: the stranger is a conflict").isFalse();
        assertThat(link.metrics.framesIgnored(IngestMetrics.FrameIgnored.PEER_CONFLICT)).isEqualTo(1);
    }

    @Test
    void aThirdAddressWhileTheClaimIsLiveIsAConflictAndReplacesItOnceItIsSilent() {
        LinkHarness link = lostDroneThenStranger(new LinkHarness());

        link.feed(THIRD, heartbeat());
        assertThat(identity(link).linkClaim()).isEqualTo("10.6.6.6:14580");
        assertThat(link.metrics.framesIgnored(IngestMetrics.FrameIgnored.PEER_CONFLICT)).isEqualTo(1);

        link.advance(Duration.ofSeconds(4));
        link.feed(THIRD, heartbeat());
        assertThat(identity(link).linkClaim()).isEqualTo("10.6.6.7:14580");
    }

    @Test
    void underClaimedPolicyTheFirstAddressIsAClaimToo() {
        LinkHarness link = new LinkHarness(SigningKeys.none(), SystemAdmission.ANY, UnsignedLinks.CLAIMED);

        link.feed(DRONE, heartbeat());

        assertThat(identity(link).linkPeer()).isEmpty();
        assertThat(identity(link).linkClaim()).isEqualTo("10.0.0.7:14580");
        assertThat(link.events).extracting(e -> e.type()).containsExactly(EventType.VEHICLE_DISCOVERED, EventType.LINK_CLAIMED);
        link.advance(Duration.ofSeconds(2));
        assertThat(link.drainSent()).as("no stream requests, no GCS heartbeat before confirmation").isEmpty();

        assertThat(link.handler.confirmClaim(ID, "10.0.0.7:14580").outcome()).isEqualTo(LinkClaims.Outcome.CONFIRMED);
        assertThat(sentTo(link, DRONE)).as("streams requested once confirmed").isNotEmpty();
    }

    @Test
    void underRefusedPolicyAVehicleWithoutAKeyIsNotAdmitted() {
        SigningKeys keys = SigningKeys.of(Map.of(9, new byte[32]));
        LinkHarness link = new LinkHarness(keys, SystemAdmission.ANY, UnsignedLinks.REFUSED);

        link.feed(DRONE, heartbeat());
        link.feed(DRONE, heartbeat());

        assertThat(link.registry.size()).isZero();
        assertThat(link.metrics.framesIgnored(IngestMetrics.FrameIgnored.NO_SIGNING_KEY)).isEqualTo(2);
    }
}
