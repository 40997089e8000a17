package org.skyfleet.cluster.bus;

import io.nats.client.AuthHandler;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a node proves itself to NATS and protects the connection: at most one of a credentials file (a user JWT
 * and its nkey seed, as {@code nsc} writes them), an nkey seed file, or a user name and password; and TLS,
 * trusting the CA certificates of a PKCS#12 trust store or, without one, the JVM's. Files are read when the
 * node starts, so a missing or wrong file stops it with the file's name, not a vague connection failure.
 *
 * @param credsFile          NATS {@code .creds} file; null: none
 * @param nkeySeedFile       file holding a user nkey seed ({@code SU...}); null: none
 * @param user               user name; null: none
 * @param password           the user's password
 * @param tls                speak TLS to the server (also implied by a {@code tls://} URL)
 * @param trustStore         PKCS#12 file with the CA certificates the server's must chain to; null: the JVM's
 * @param trustStorePassword of the trust store; null: none
 */
public record BusAuth(Path credsFile, Path nkeySeedFile, String user, char[] password, boolean tls, Path trustStore,
                      char[] trustStorePassword) {
    public BusAuth {
        int ways = (credsFile != null ? 1 : 0) + (nkeySeedFile != null ? 1 : 0) + (user != null ? 1 : 0);
        if (ways > 1) {
            throw new IllegalArgumentException("give NATS one way to authenticate: a credentials file, an nkey seed file, "
                    + "or a user and password");
        }
        if (trustStore != null && !tls) {
            throw new IllegalArgumentException("a NATS trust store is for TLS: turn TLS on with it");
        }
    }

    /** No credentials, no TLS: a NATS on a trusted network only. */
    public static BusAuth none() {
        return new BusAuth(null, null, null, null, false, null, null);
    }

    public boolean isNone() {
        return credsFile == null && nkeySeedFile == null && user == null && !tls;
    }

    /** Never the password or the files' contents. */
    @Override
    public String toString() {
        return "BusAuth[" + (credsFile != null ? "creds " + credsFile : nkeySeedFile != null ? "nkey " + nkeySeedFile
                : user != null ? "user " + user : "anonymous") + (tls ? ", tls" + (trustStore != null ? " trusting " + trustStore : "") : "")
                + "]";
    }

    /**
     * Sets these credentials and TLS on {@code options}.
     *
     * @throws IllegalArgumentException naming the file or option when a file is missing, unreadable or not what it should be
     */
    void applyTo(Options.Builder options) {
        if (credsFile != null) {
            String text = read(credsFile, "--bus-creds");
            if (!text.contains("BEGIN NATS USER JWT") || !text.contains("BEGIN USER NKEY SEED")) {
                throw new IllegalArgumentException("--bus-creds " + credsFile + " is not a NATS credentials file: it needs a "
                        + "user JWT and a user nkey seed (as 'nsc generate creds' writes)");
            }
            options.authHandler(Nats.credentials(credsFile.toString()));
        }
        if (nkeySeedFile != null) {
            options.authHandler(nkey(read(nkeySeedFile, "--bus-nkey").strip()));
        }
        if (user != null) {
            options.userInfo(user.toCharArray(), password == null ? new char[0] : password);
        }
        if (tls) {
            try {
                if (trustStore == null) {
                    options.secure();
                } else {
                    options.sslContext(trusting(trustStore));
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot set up TLS to NATS: " + e.getMessage(), e);
            }
        }
    }

    private AuthHandler nkey(String seed) {
        if (!seed.startsWith("SU")) {
            throw new IllegalArgumentException("--bus-nkey " + nkeySeedFile + " does not hold a user nkey seed (SU...)");
        }
        NKey key;
        char[] publicKey;
        try {
            key = NKey.fromSeed(seed.toCharArray());
            publicKey = key.getPublicKey();
        } catch (RuntimeException | GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("--bus-nkey " + nkeySeedFile + " holds no valid nkey seed: " + e.getMessage(), e);
        }
        return new AuthHandler() {
            @Override
            public byte[] sign(byte[] nonce) {
                try {
                    return key.sign(nonce);
                } catch (GeneralSecurityException | IOException e) {
                    throw new IllegalStateException("cannot sign the NATS server's nonce with the nkey", e);
                }
            }

            @Override
            public char[] getID() {
                return publicKey.clone();
            }

            @Override
            public char[] getJWT() {
                return null;
            }
        };
    }

    private SSLContext trusting(Path store) throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, trustStorePassword == null ? new char[0] : trustStorePassword);
        } catch (IOException e) {
            throw new IllegalArgumentException("--bus-truststore " + store + " cannot be read as PKCS#12: " + e.getMessage(), e);
        }
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, f.getTrustManagers(), null);
        return ctx;
    }

    private static String read(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + " cannot be read: " + e, e);
        }
    }
}
