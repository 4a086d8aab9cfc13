package cz.spojka.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds Czech birth numbers (rodné číslo): {@code YYMMDD/XXX} (nine digits, issued before 1954) and
 * {@code YYMMDD/XXXX} (ten digits, divisible by 11; until 1985 also those whose first nine digits leave 10 and whose
 * last digit is 0). The month carries +50 for women and, since 2004, may carry +20. A number without the slash counts
 * only after the words that announce a birth number ("r. č.", "rodné číslo"): one ten-digit number in eleven passes
 * the check, and order numbers like "Objednávka č. 1601100435" do.
 */
public final class BirthNumberDetector implements TextDetector {

    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![\\d/])(\\d{2})(\\d{2})(\\d{2})(\\s?/\\s?)?(\\d{3,4})(?![\\d/])");
    private static final Pattern BIRTH_NUMBER_WORDS_BEFORE =
            Pattern.compile("(?i)(?:r\\.\\s?č\\.|rč|rodné\\s+číslo|rodného\\s+čísla)\\s*:?\\s*$");

    @Override
    public List<Finding> find(String text) {
        return TextDetector.matches(text, CANDIDATE, 0, PersonalDataKind.BIRTH_NUMBER, m -> {
            boolean slash = m.group(4) != null;
            return (slash || TextDetector.announced(text, m, BIRTH_NUMBER_WORDS_BEFORE, 20))
                    && valid(m.group(1), m.group(2), m.group(3), slash, m.group(5));
        });
    }

    /** Whether the parts form a valid birth number. */
    static boolean valid(String yy, String mm, String dd, boolean slash, String suffix) {
        int twoDigitYear = Integer.parseInt(yy);
        int month = Integer.parseInt(mm);
        int day = Integer.parseInt(dd);
        int year;
        if (suffix.length() == 3) {
            if (!slash || twoDigitYear >= 54) {
                return false;
            }
            year = 1900 + twoDigitYear;
        } else {
            year = twoDigitYear >= 54 ? 1900 + twoDigitYear : 2000 + twoDigitYear;
            if (!checksum(yy + mm + dd + suffix, year)) {
                return false;
            }
        }
        return date(year, month, day);
    }

    private static boolean checksum(String digits, int year) {
        long number = Long.parseLong(digits);
        if (number % 11 == 0) {
            return true;
        }
        long firstNine = number / 10;
        return year < 1986 && firstNine % 11 == 10 && number % 10 == 0;
    }

    private static boolean date(int year, int month, int day) {
        int realMonth = month > 70 && year >= 2004
                ? month - 70
                : month > 50 ? month - 50 : month > 20 && year >= 2004 ? month - 20 : month;
        try {
            LocalDate.of(year, realMonth, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
