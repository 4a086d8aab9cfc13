package cz.spojka.http;

import cz.spojka.mapping.RecordMapper;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * Walks the pages of one poll. A page-number or offset walk ends at the first page without records rather than at a
 * short page: a source that caps the page size below the one asked for would otherwise end the walk early, and a
 * complete snapshot cut short deletes what it missed. The offset advances by the records actually received, for the
 * same reason.
 *
 * @param mode how the source pages
 * @param pageParam the page-number or offset query parameter
 * @param start the first page number or offset
 * @param pageSizeParam the page-size query parameter, or empty to send none
 * @param pageSize the page size asked for
 * @param nextLinkPointer JSON Pointer of the next page's address in the body (pagination {@code next-link})
 */
record Paging(
        Pagination mode, String pageParam, int start, String pageSizeParam, int pageSize, String nextLinkPointer) {

    /** One walk through the pages, from the configured address. */
    Walk walk(URI url) {
        return new Walk(url);
    }

    /** The position of one walk: the address of the page to fetch next. */
    final class Walk {

        private URI next;
        private int pages;
        private long records;

        private Walk(URI url) {
            this.next = switch (mode) {
                case PAGE, OFFSET -> sized(QueryParameters.with(url, pageParam, Integer.toString(start)));
                default -> url;
            };
        }

        /** The address of the next page to fetch. */
        URI next() {
            return next;
        }

        /**
         * Moves past the page just fetched from {@link #next()}.
         *
         * @param reader the connector's mapping, which knows where a body's records are
         * @return whether there is another page
         */
        boolean advance(HttpResponse<byte[]> page, RecordMapper reader) {
            URI fetched = next;
            pages++;
            next = switch (mode) {
                case NONE -> null;
                case PAGE ->
                    more(page, reader)
                            ? sized(QueryParameters.with(fetched, pageParam, Integer.toString(start + pages)))
                            : null;
                case OFFSET ->
                    more(page, reader)
                            ? sized(QueryParameters.with(fetched, pageParam, Long.toString(start + records)))
                            : null;
                case LINK_HEADER ->
                    resolve(fetched, LinkHeader.next(page.headers().allValues("Link")));
                case NEXT_LINK -> resolve(fetched, reader.textAt(page.body(), nextLinkPointer));
            };
            return next != null;
        }

        private boolean more(HttpResponse<byte[]> page, RecordMapper reader) {
            int count = reader.countRecords(page.body());
            records += count;
            return count > 0;
        }
    }

    private URI sized(URI uri) {
        return pageSizeParam.isEmpty() ? uri : QueryParameters.with(uri, pageSizeParam, Integer.toString(pageSize));
    }

    /** A next link may be relative to the page it came with. */
    private static URI resolve(URI page, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            return page.resolve(link.trim());
        } catch (IllegalArgumentException e) {
            throw new HttpPollException("The next link '" + link + "' of " + page + " is not an address", e);
        }
    }
}
