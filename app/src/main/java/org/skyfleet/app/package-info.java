/**
 * The SkyFleet process: assembles the registry, the MAVLink links, the fan-out, the gRPC services and
 * the HTTP endpoint, and the {@code skyfleet} command line.
 */
package org.skyfleet.app;
