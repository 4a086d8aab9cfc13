package cz.spojka.linkeddata;

/**
 * Which page of a listing a request asks for ({@code ?page=N}, from 1) and how long pages are
 * ({@code spojka.linked-data.page-size}).
 */
record Paging(int page, int size) {

    Paging {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, not " + page);
        }
    }

    long offset() {
        return (long) (page - 1) * size;
    }

    /** The number of the last page of {@code total} items (1 for none). */
    long lastPage(long total) {
        return Math.max(1, (total + size - 1) / size);
    }
}
