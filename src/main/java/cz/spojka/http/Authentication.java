package cz.spojka.http;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How requests to the source prove who polls: the {@code auth} parameter. */
interface Authentication {

    /** Adds the credentials to a request to the source. */
    void sign(HttpRequest.Builder request);

    /**
     * Called when the source answered {@code 401 Unauthorized}: whether fresh credentials were obtained, so that the
     * request is worth sending once more.
     */
    default boolean renew() {
        return false;
    }

    /** {@code auth: none}. */
    Authentication NONE = request -> {};

    /** {@code auth: basic}: HTTP Basic authentication (RFC 7617) with the user name and password in UTF-8. */
    static Authentication basic(String username, String password) {
        String credentials =
                Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return request -> request.header("Authorization", "Basic " + credentials);
    }

    /** {@code auth: api-key}: the key in a header of the source's choosing. */
    static Authentication apiKey(String header, String key) {
        return request -> request.header(header, key);
    }
}
