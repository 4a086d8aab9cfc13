package cz.spojka.privacy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The values of an enum as {@code connector.yaml} writes them: its constants' names in lower case. */
public final class YamlValues {

    private YamlValues() {}

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> List<String> all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(YamlValues::of).toList();
    }

    /** The constant written {@code value}, or {@code null}. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> of(c).equals(value))
                .findFirst()
                .orElse(null);
    }
}
