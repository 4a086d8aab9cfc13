package cz.spojka.http;

import java.nio.charset.StandardCharsets;

/** A poll that cannot go on: the source or its token endpoint answered what the run cannot use. */
final class HttpPollException extends RuntimeException {

    private static final int EXCERPT = 200;

    /** A body the poll received but could not read, for the dead-letter log; {@code null} for other failures. */
    private final transient byte[] unreadableBody;

    HttpPollException(String message) {
        super(message);
        this.unreadableBody = null;
    }

    /** A page was received but cannot be read; the failure keeps the page for the dead-letter log. */
    HttpPollException(String message, byte[] unreadableBody, Throwable cause) {
        super(message, cause);
        this.unreadableBody = unreadableBody;
    }

    byte[] unreadableBody() {
        return unreadableBody;
    }

    HttpPollException(String message, Throwable cause) {
        super(message, cause);
        this.unreadableBody = null;
    }

    /** The start of an error body, which usually says why, for the message. */
    static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return ": " + (text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
    }
}
