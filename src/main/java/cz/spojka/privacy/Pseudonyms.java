package cz.spojka.privacy;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces personal data with a keyed hash (HMAC-SHA-256 with {@code spojka.privacy.pseudonym-key}): the same value
 * gets the same pseudonym in every dataset, so that consumers can still count and link the notices of one addressee,
 * while nobody without the key can test a guessed name. A name is the same value in either order and with or without
 * diacritics ("NOVÁK Jan", "Jan Novák"); a number is the same value however its digits are grouped.
 */
public final class Pseudonyms {

    /** Replaces personal data under the policy {@code redact}. */
    public static final String REDACTED = "[osobní údaj]";

    private static final String ALGORITHM = "HmacSHA256";
    /** 48 bits: no two of a few million values share a pseudonym by chance. */
    private static final int HEX_DIGITS = 12;

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final SecretKeySpec key;

    /** @param key the secret key; blank when no dataset pseudonymises (then {@link #of} must not be called) */
    public Pseudonyms(String key) {
        this.key = key == null || key.isBlank() ? null : new SecretKeySpec(key.getBytes(UTF_8), ALGORITHM);
    }

    /** The replacement of a finding: "[osobní údaj 3f9a2c1b7d4e]". */
    public String of(Finding finding) {
        if (key == null) {
            throw new IllegalStateException("No pseudonym key: set spojka.privacy.pseudonym-key");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] hash = mac.doFinal((finding.kind().id() + ":" + normalized(finding)).getBytes(UTF_8));
            return "[osobní údaj " + HexFormat.of().formatHex(hash).substring(0, HEX_DIGITS) + "]";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + ALGORITHM, e);
        }
    }

    static String normalized(Finding finding) {
        String folded = Folding.fold(finding.value());
        if (finding.kind() == PersonalDataKind.NAME) {
            List<String> words = List.of(NOT_ALPHANUMERIC.split(folded.strip()));
            return words.stream().sorted().collect(Collectors.joining(" "));
        }
        String compact = NOT_ALPHANUMERIC.matcher(folded).replaceAll("");
        if (finding.kind() == PersonalDataKind.PHONE && compact.length() > 9) {
            return compact.substring(compact.length() - 9);
        }
        return compact;
    }
}
