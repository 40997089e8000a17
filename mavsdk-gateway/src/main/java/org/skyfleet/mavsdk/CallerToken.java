package org.skyfleet.mavsdk;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Who a MAVSDK call acts as. Stock MAVSDK clients cannot add metadata, so each endpoint is bound to the token it
 * was started with (a per-pilot port); a client that can set metadata ("authorization: Bearer <token>", as for any
 * SkyFleet RPC) acts as that token instead.
 */
final class CallerToken implements ServerInterceptor {
    static final Context.Key<String> TOKEN = Context.key("skyfleet-token");

    private final String boundToken;

    CallerToken(String boundToken) {
        this.boundToken = boundToken;
    }

    static String current() {
        return TOKEN.get();
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String header = headers.get(SkyfleetConnection.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : boundToken;
        return Contexts.interceptCall(Context.current().withValue(TOKEN, token), call, headers, next);
    }
}
