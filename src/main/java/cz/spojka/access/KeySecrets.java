package cz.spojka.access;

import cz.spojka.webhook.ApiKeys;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The secrets of agency API keys: made from 32 random bytes, kept only as their hash. */
final class KeySecrets {

    /** Every key the hub makes starts so, which lets secret scanners and people recognise a leaked one. */
    static final String PREFIX = "spk_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {}

    /** A new secret: the prefix and 32 random bytes, URL-safe Base64 without padding. */
    static String newSecret() {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
    }

    /** A short random identifier of a key or grant, safe as a file name and in a URL. */
    static String newId() {
        return HexFormat.of().formatHex(random(8));
    }

    /** What the registry stores and looks a presented key up by: the SHA-256 of the secret, in hex. */
    static String hash(String secret) {
        return HexFormat.of().formatHex(ApiKeys.sha256(secret));
    }

    private static byte[] random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return random;
    }
}
