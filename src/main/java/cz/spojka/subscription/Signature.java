package cz.spojka.subscription;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery, sent in {@value #HEADER}: {@code sha256=<hex>}, the HMAC-SHA256 of the exact request
 * body keyed with the subscription's secret. A subscriber computes the same over the body it received and compares
 * in constant time.
 */
final class Signature {

    static final String HEADER = "X-Spojka-Signature";

    private Signature() {}

    static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
