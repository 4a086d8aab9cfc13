package cz.spojka.connector;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How often a dataset changes, as an item of the EU frequency authority table ({@code periodicita_aktualizace} in
 * DCAT-AP-CZ). A polled connector's frequency follows from its interval when one item has exactly that period
 * ({@code PT15M} is {@code 15MIN}, {@code P1D} is {@code DAILY}); otherwise, and to say the data changes less often
 * than the hub looks, {@code dataset.catalog.frequency} names the code. The concepts with their labels are published
 * from {@code vocab/codelists/eu-frequency.ttl}, which a test keeps equal to this list.
 */
public enum UpdateFrequency {
    EVERY_MINUTE("1MIN", Duration.ofMinutes(1)),
    EVERY_5_MINUTES("5MIN", Duration.ofMinutes(5)),
    EVERY_10_MINUTES("10MIN", Duration.ofMinutes(10)),
    EVERY_15_MINUTES("15MIN", Duration.ofMinutes(15)),
    EVERY_30_MINUTES("30MIN", Duration.ofMinutes(30)),
    HOURLY("HOURLY", Duration.ofHours(1)),
    BIHOURLY("BIHOURLY", Duration.ofHours(2)),
    TRIHOURLY("TRIHOURLY", Duration.ofHours(3)),
    EVERY_12_HOURS("12HRS", Duration.ofHours(12)),
    DAILY_2("DAILY_2", null),
    DAILY("DAILY", Duration.ofDays(1)),
    WEEKLY_3("WEEKLY_3", null),
    WEEKLY_2("WEEKLY_2", null),
    WEEKLY("WEEKLY", Duration.ofDays(7)),
    BIWEEKLY("BIWEEKLY", Duration.ofDays(14)),
    MONTHLY_3("MONTHLY_3", null),
    MONTHLY_2("MONTHLY_2", null),
    MONTHLY("MONTHLY", null),
    BIMONTHLY("BIMONTHLY", null),
    QUARTERLY("QUARTERLY", null),
    ANNUAL_3("ANNUAL_3", null),
    ANNUAL_2("ANNUAL_2", null),
    ANNUAL("ANNUAL", null),
    BIENNIAL("BIENNIAL", null),
    TRIENNIAL("TRIENNIAL", null),
    CONT("CONT", null),
    UPDATE_CONT("UPDATE_CONT", null),
    IRREG("IRREG", null),
    NEVER("NEVER", null),
    OTHER("OTHER", null),
    UNKNOWN("UNKNOWN", null);

    public static final String SCHEME = "http://publications.europa.eu/resource/authority/frequency";

    private final String code;
    private final Duration period;

    UpdateFrequency(String code, Duration period) {
        this.code = code;
        this.period = period;
    }

    /** The code in the EU table, the last segment of the IRI ({@code 15MIN}). */
    public String code() {
        return code;
    }

    public String iri() {
        return SCHEME + "/" + code;
    }

    static Optional<UpdateFrequency> ofCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    /** The item whose period is exactly the interval, if there is one. */
    static Optional<UpdateFrequency> ofInterval(Duration interval) {
        return Arrays.stream(values()).filter(f -> interval.equals(f.period)).findFirst();
    }

    /** The intervals a frequency follows from, as a schedule writes them, for messages ({@code PT1M, …, P1D}). */
    static List<String> derivableIntervals() {
        return Arrays.stream(values())
                .filter(f -> f.period != null)
                .map(f -> f.period.toHoursPart() == 0 && f.period.toDays() > 0
                        ? "P" + f.period.toDays() + "D"
                        : f.period.toString())
                .toList();
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(UpdateFrequency::code).toList();
    }
}
