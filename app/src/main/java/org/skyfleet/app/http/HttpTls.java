package org.skyfleet.app.http;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import javax.net.ssl.SSLException;
import org.skyfleet.server.auth.MutualTls;

/**
 * TLS for the HTTP port (metrics, health, webhook, console) from the gRPC port's stores: the same server
 * certificate, and client certificates asked for but not required, since browsers and scrapers rarely have
 * one; the console and the API still require a bearer token, and the webhook its signature.
 */
public final class HttpTls {
    private HttpTls() {
    }

    /** @throws IllegalArgumentException if the stores cannot be read or hold no usable key */
    public static SslContext serverContext(MutualTls stores) {
        try {
            return SslContextBuilder.forServer(stores.keyManagers()).trustManager(stores.trustManagers())
                    .clientAuth(ClientAuth.OPTIONAL).protocols("TLSv1.3", "TLSv1.2").build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot set up TLS on the HTTP port from " + stores.keyStore() + ": " + e.getMessage(), e);
        }
    }
}
