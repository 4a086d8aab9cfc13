package cz.spojka.privacy;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of personal data the detectors find. */
public enum PersonalDataKind {
    NAME("name"),
    BIRTH_NUMBER("birth-number"),
    BIRTH_DATE("birth-date"),
    EMAIL("e-mail"),
    PHONE("phone"),
    ADDRESS("address"),
    BANK_ACCOUNT("bank-account"),
    VEHICLE_REGISTRATION("vehicle-registration");

    private final String id;

    PersonalDataKind(String id) {
        this.id = id;
    }

    /** The name used in the review API and the docs. */
    @JsonValue
    public String id() {
        return id;
    }
}
