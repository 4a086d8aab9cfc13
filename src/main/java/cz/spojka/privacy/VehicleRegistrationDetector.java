package cz.spojka.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Czech vehicle registration numbers (registrační značka, SPZ) after the words that announce them: "RZ 5U0
 * 3161", "SPZ: 1A2 3456", "reg. zn. ABC 12-34". Through the vehicle register they identify the keeper.
 */
public final class VehicleRegistrationDetector implements TextDetector {

    private static final Pattern PLATE = Pattern.compile(
            "(?:(?<![\\p{L}])(?:RZ|SPZ|reg\\.\\s?zn\\.|registrační\\s+značk[ayou]|registrační\\s+značkou)\\s*:?\\s*)"
                    + "(\\d[A-Z][A-Z0-9]\\s?\\d{4}|[A-Z]{2,3}\\s?\\d{2}-\\d{2})(?![A-Z0-9])");

    @Override
    public List<Finding> find(String text) {
        List<Finding> findings = new ArrayList<>();
        Matcher m = PLATE.matcher(text);
        while (m.find()) {
            findings.add(Finding.in(text, PersonalDataKind.VEHICLE_REGISTRATION, m.start(1), m.end(1)));
        }
        return findings;
    }
}
