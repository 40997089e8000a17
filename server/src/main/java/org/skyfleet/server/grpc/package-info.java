/**
 * The gRPC edge: services that map between protobuf and the domain, validate requests into precise
 * status codes, and stream live data with flow control from the fan-out.
 */
package org.skyfleet.server.grpc;
