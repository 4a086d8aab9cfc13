package cz.spojka.http;

import java.util.Arrays;
import java.util.Locale;

/** How a source splits its data into pages: the values of the {@code pagination} parameter. */
enum Pagination {
    /** One request returns everything. */
    NONE,
    /** A page-number query parameter, counted up from the first page until a page has no records. */
    PAGE,
    /** An offset query parameter, advanced by the records received until a page has no records. */
    OFFSET,
    /** The next page's address in the {@code Link} response header ({@code rel="next"}). */
    LINK_HEADER,
    /** The next page's address in the body, at a JSON Pointer. */
    NEXT_LINK;

    /** The parameter value, e.g. {@code link-header}. */
    String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Pagination of(String value) {
        return Arrays.stream(values())
                .filter(p -> p.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("pagination '" + value + "' is none of "
                        + Arrays.stream(values()).map(Pagination::value).toList()));
    }
}
