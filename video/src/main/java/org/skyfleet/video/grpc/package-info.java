/** {@code skyfleet.v1.VideoService}: stream status, and an operator registering where a vehicle's video comes from. */
package org.skyfleet.video.grpc;
