package org.skyfleet.server.auth;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Mutual TLS for the gRPC port: the server shows its certificate and accepts only clients whose
 * certificate chains to a CA in the trust store. It says which machines may connect; the bearer token
 * still says who is calling and in what role. Stores are PKCS#12 (what {@code keytool} and
 * {@code openssl pkcs12} write), both opened with one password.
 *
 * @param keyStore   this side's private key and certificate chain
 * @param trustStore the CA certificates the other side's certificate must chain to
 * @param password   of both stores
 */
public record MutualTls(Path keyStore, Path trustStore, char[] password) {

    /** TLS 1.2+ with client certificates required. */
    public SslContext serverContext() {
        try {
            return GrpcSslContexts.configure(SslContextBuilder.forServer(keys())).trustManager(trust())
                    .clientAuth(ClientAuth.REQUIRE).build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot set up TLS from " + keyStore + ": " + e.getMessage(), e);
        }
    }

    /** The client side: presents this side's certificate, trusts servers chaining to the trust store. */
    public SslContext clientContext() {
        try {
            return GrpcSslContexts.forClient().keyManager(keys()).trustManager(trust()).build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot set up TLS from " + keyStore + ": " + e.getMessage(), e);
        }
    }

    /** This side's key and certificate, for a TLS endpoint that is not gRPC's (the HTTP port). */
    public KeyManagerFactory keyManagers() {
        return keys();
    }

    /** The CA certificates the other side's certificate must chain to, for a TLS endpoint that is not gRPC's. */
    public TrustManagerFactory trustManagers() {
        return trust();
    }

    private KeyManagerFactory keys() {
        try {
            KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            f.init(load(keyStore), password);
            return f;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key store " + keyStore + " cannot be used: " + e.getMessage(), e);
        }
    }

    private TrustManagerFactory trust() {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(load(trustStore));
            return f;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("trust store " + trustStore + " cannot be used: " + e.getMessage(), e);
        }
    }

    private KeyStore load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read PKCS#12 store " + file + ": " + e.getMessage(), e);
        }
    }
}
