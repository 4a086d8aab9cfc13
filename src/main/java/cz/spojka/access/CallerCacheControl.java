package cz.spojka.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;

/**
 * Keeps what an agency reads out of shared caches: a proxy does not know that {@code X-Api-Key} is a credential and
 * could serve a restricted answer to the next, anonymous, caller. Answers to anonymous callers are public data and stay
 * cacheable, which is why Spring Security's blanket {@code no-store} is not used. An answer that sets its own
 * {@code Cache-Control} keeps it.
 */
final class CallerCacheControl implements HeaderWriter {

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (!Caller.of(request).anonymous() && !response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        }
    }
}
