package org.skyfleet.fleet.response;

/** The moments from a call to the commander's first picture of the scene, in the order they happen. */
public enum ResponseStage {
    /** The call reached SkyFleet: its incident was created (not when the call-taker answered the phone). */
    CALL_RECEIVED,
    /** The first command of the launch (arm) was sent to the drone. */
    LAUNCH_COMMANDED,
    /** The drone reported itself in the air. */
    AIRBORNE,
    /** The drone was within the on-scene radius of the call at its response altitude. */
    ON_SCENE,
    /**
     * The relay held a video frame from the drone taken after it was on scene: the first picture a commander
     * opening the stream is sent (the relay's first fragment to a viewer, not a frame decoded in a browser).
     */
    FIRST_VIDEO
}
