package cz.spojka.privacy;

import java.util.List;
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
        return TextDetector.matches(text, PLATE, 1, PersonalDataKind.VEHICLE_REGISTRATION, m -> true);
    }
}
