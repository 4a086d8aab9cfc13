package cz.spojka.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;

/**
 * Keeps what an agency reads out of shared caches: a proxy does not know that {@code X-Api-Key} is a credential and
 * could serve a restricted answer to the next caller. An answer to an authenticated caller is always
 * {@code private, no-store}, whatever Cache-Control its channel set (a channel's {@code max-age} is meant for public
 * data). Answers to anonymous callers are public data and stay cacheable, which is why Spring Security's blanket
 * {@code no-store} is not used; every answer says that it varies with the credentials, so that a cache never hands an
 * anonymous answer to an agency either.
 */
final class CallerCacheControl implements HeaderWriter {

    static final String PRIVATE = "private, no-store";
    static final String CREDENTIALS = CredentialFilter.API_KEY_HEADER + ", " + HttpHeaders.AUTHORIZATION;

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (!Caller.of(request).anonymous()) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE);
        }
        response.addHeader(HttpHeaders.VARY, CREDENTIALS);
    }
}
