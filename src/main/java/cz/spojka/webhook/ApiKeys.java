package cz.spojka.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Compares API keys without telling an attacker, by the time it takes, how much of a guess was right. */
public final class ApiKeys {

    private ApiKeys() {}

    /**
     * Whether the given key equals the expected one. Both are hashed first, so the comparison always runs over 32
     * bytes whatever their lengths, and {@link MessageDigest#isEqual} then compares in constant time.
     */
    public static boolean same(String expected, String given) {
        return MessageDigest.isEqual(sha256(expected), sha256(given));
    }

    /** The SHA-256 of the key's UTF-8 bytes. */
    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
