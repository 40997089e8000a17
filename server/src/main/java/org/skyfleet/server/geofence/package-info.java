/**
 * {@code skyfleet.v1.GeofenceService}: zones created, changed, listed and checked over gRPC, and
 * exchanged as GeoJSON. Proto and GeoJSON are mapped to the domain of
 * {@link org.skyfleet.fleet.geofence} here, at the edge; validation stays in the domain's named rules,
 * whose messages become INVALID_ARGUMENT descriptions.
 */
package org.skyfleet.server.geofence;
