package cz.spojka.e2e;

/**
 * One frame of a Server-Sent Events stream as a client reads it: an event (its id, name and data) or a comment.
 *
 * @param event the event name, {@code message} when the frame names none; {@code null} for a comment
 * @param comment the comment's text, {@code null} for an event
 */
record SseFrame(String id, String event, String data, String comment) {

    boolean isComment(String text) {
        return text.equals(comment);
    }

    boolean isChange() {
        return "message".equals(event);
    }
}
