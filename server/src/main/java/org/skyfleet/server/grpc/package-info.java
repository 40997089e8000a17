/**
 * The gRPC edge: services that map between protobuf and the domain, the one map from what the domain
 * refuses to a precise status ({@link org.skyfleet.server.grpc.StatusMapping}), who may call what ({@link
 * org.skyfleet.server.grpc.RpcRoles}), and live data streamed with flow control from the fan-out.
 */
package org.skyfleet.server.grpc;
