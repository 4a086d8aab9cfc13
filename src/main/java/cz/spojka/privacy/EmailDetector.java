package cz.spojka.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds e-mail addresses of people. An address of a role that an office publishes for everyone (podatelna@…,
 * info@…) names no person and is left alone; any other address may name its owner (jan.novak@…, a personal mailbox
 * at a free provider) and is personal data.
 */
public final class EmailDetector implements TextDetector {

    /** The last label is a top-level domain, not a file extension ("…_EMAIL_367842899@EBSP.pdf" is a file name). */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])([\\w.%+-]+)@[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)*"
                    + "\\.(?!(?:pdf|docx?|xlsx?|odt|rtf|txt|zip|jpe?g|png|xml|html?)\\b)\\p{L}{2,}",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE);

    private static final Set<String> ROLE_MAILBOXES = Set.of(
            "podatelna",
            "epodatelna",
            "e-podatelna",
            "info",
            "informace",
            "kontakt",
            "sekretariat",
            "urad",
            "obec",
            "mesto",
            "posta",
            "office",
            "noreply",
            "no-reply",
            "admin",
            "webmaster",
            "support",
            "podpora",
            "recepce",
            "dotazy",
            "mail",
            "email",
            "tisk",
            "media",
            "press",
            "hr",
            "personalni",
            "fakturace",
            "ucetni",
            "objednavky");

    @Override
    public List<Finding> find(String text) {
        return TextDetector.matches(
                text,
                EMAIL,
                0,
                PersonalDataKind.EMAIL,
                m -> !ROLE_MAILBOXES.contains(
                        m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\+.*", "")));
    }
}
