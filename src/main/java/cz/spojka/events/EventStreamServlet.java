package cz.spojka.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cz.spojka.access.Caller;
import cz.spojka.system.SpojkaProperties;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * {@code GET /events}: the change log as Server-Sent Events, each event only to the callers that may read its dataset
 * ({@link StreamAccess}; the request's {@link Caller}, anonymous without credentials). A request with bad parameters is answered 400 naming
 * every problem; a request beyond {@code spojka.events.max-clients} is answered 503 with the reason. Otherwise the
 * response stays open and an {@link EventStreamClient} writes to it.
 */
final class EventStreamServlet extends HttpServlet {

    static final String PATH = "/events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient LiveChangeStream live;
    private final transient StreamClients clients;
    private final transient Function<Caller, StreamAccess> access;
    private final transient BooleanSupplier classified;

    /**
     * @param access what a caller may receive
     * @param classified whether the connectors, which classify the datasets, have been loaded
     */
    EventStreamServlet(
            LiveChangeStream live,
            StreamClients clients,
            Function<Caller, StreamAccess> access,
            BooleanSupplier classified) {
        this.live = live;
        this.clients = clients;
        this.access = access;
        this.classified = classified;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StreamRequest parsed;
        try {
            parsed = StreamRequest.parse(request.getParameterMap(), request.getHeader(StreamRequest.LAST_EVENT_ID));
        } catch (StreamRequest.InvalidStreamRequest e) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, e.problems());
            return;
        }
        if (!classified.getAsBoolean()) {
            // Until then every dataset counts as internal, and a stream would silently miss public events.
            response.setHeader("Retry-After", "5");
            refuse(
                    response,
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    List.of("the hub is starting: its connectors, which say who may read each dataset, are not"
                            + " loaded yet"));
            return;
        }
        if (!live.isRunning()) {
            refuse(
                    response,
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    List.of("the change stream is not running"
                            + " (the hub is starting or stopping, or its change stream failed: see the hub's log)"));
            return;
        }
        Optional<EventStreamClient> client = clients.admit(
                parsed,
                access.apply(Caller.of(request)),
                request.getRemoteAddr() + ":" + request.getRemotePort(),
                live);
        if (client.isEmpty()) {
            SpojkaProperties.Events settings = clients.settings();
            // A client that has gone is noticed, and its place freed, at its next heartbeat.
            response.setHeader(
                    "Retry-After", String.valueOf(settings.heartbeat().toSeconds() + 1));
            refuse(
                    response,
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    List.of("the hub already serves " + settings.maxClients() + " event streams, as many as it may"
                            + " (spojka.events.max-clients); try again later"));
            return;
        }
        response.setContentType("text/event-stream");
        response.setCharacterEncoding(UTF_8.name());
        response.setHeader("Cache-Control", "no-cache");
        // Reverse proxies such as nginx would otherwise buffer the stream.
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        clients.serve(client.get(), async);
    }

    private static void refuse(HttpServletResponse response, int status, List<String> reasons) throws IOException {
        ObjectNode answer = JSON.createObjectNode().put("status", status);
        reasons.forEach(answer.putArray("reasons")::add);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(UTF_8.name());
        response.getWriter().write(answer.toString());
    }
}
