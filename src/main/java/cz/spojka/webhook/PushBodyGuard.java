package cz.spojka.webhook;

import cz.spojka.connector.Connectors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the webhook route a push to {@code /ingest/<connector>} as it was sent, and at most one byte past the
 * connector's size limit, so that the route can refuse it with its reasons:
 *
 * <ul>
 *   <li>Camel's platform-http reads the whole body before the route runs: without the cap an oversized push, even one
 *       without a valid API key, would be held in memory whole; with it the route sees a body just over the limit
 *       and answers 413;
 *   <li>Camel's HTTP binding parses a form-encoded body into headers before the route runs, and fails with 500 on one
 *       that is not a form. A push is never a form (GeoReport v2 clients post forms to their own server), so the
 *       binding is not told that it is one; the route still sees the {@code Content-Type} header and answers 415.
 * </ul>
 */
final class PushBodyGuard extends OncePerRequestFilter {

    static final String PATH = "/ingest/";
    static final String MAX_BYTES = "maxBytes";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final Connectors connectors;

    PushBodyGuard(Connectors connectors) {
        this.connectors = connectors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit =
                limit(request.getRequestURI().substring(request.getContextPath().length()));
        chain.doFilter(limit < 0 ? request : new Capped(request, limit + 1), response);
    }

    /** The size limit of the webhook connector at that path, or -1 when no such connector is loaded. */
    private long limit(String path) {
        if (!path.startsWith(PATH)) {
            return -1;
        }
        try {
            String maxBytes = connectors
                    .active(path.substring(PATH.length()))
                    .definition()
                    .parameters()
                    .get(MAX_BYTES);
            return maxBytes == null ? -1 : Long.parseLong(maxBytes);
        } catch (NoSuchElementException e) {
            return -1;
        }
    }

    /**
     * A request whose body ends after {@code readable} bytes, whatever the sender declared or sends, and that is never
     * a form to the servlet API.
     */
    private static final class Capped extends HttpServletRequestWrapper {

        private final long readable;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long readable) {
            super(request);
            this.readable = readable;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), readable);
            }
            return stream;
        }

        @Override
        public String getContentType() {
            String type = super.getContentType();
            return type != null && type.toLowerCase(Locale.ROOT).startsWith(FORM) ? null : type;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(), encoding == null ? StandardCharsets.UTF_8.name() : encoding));
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream in;
        private long left;

        CappedStream(ServletInputStream in, long readable) {
            this.in = in;
            this.left = readable;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return left <= 0 || in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
