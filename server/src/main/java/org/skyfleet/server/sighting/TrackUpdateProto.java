package org.skyfleet.server.sighting;

import org.skyfleet.fleet.fusion.TrackUpdate;
import org.skyfleet.proto.v1.TrackChange;

/** A track change as the API sends it, with the track's recent sightings from the feed that fused them. */
public final class TrackUpdateProto {
    private TrackUpdateProto() {
    }

    public static org.skyfleet.proto.v1.TrackUpdate of(TrackUpdate u, TrackFeed feed) {
        return org.skyfleet.proto.v1.TrackUpdate.newBuilder().setChange(TrackChange.valueOf("TRACK_CHANGE_" + u.kind().name()))
                .setTrack(SightingProtoMapper.track(u.track(), feed::sighting)).build();
    }
}
