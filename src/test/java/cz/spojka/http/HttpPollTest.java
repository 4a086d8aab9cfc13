package cz.spojka.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The template bean refuses parameters that only fail together, naming every such combination at once. */
class HttpPollTest {

    @Test
    void namesEveryCombinationThatCannotWork() {
        HttpPoll poll = defaults();
        poll.setPagination("page");
        poll.setConditional(true);
        poll.setSinceFrom("body");
        poll.setAuth("oauth2-client-credentials");
        poll.setClientId("hub");
        poll.setPageSize(0);
        assertThatThrownBy(poll::check)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connector 'deska': the http-poll parameters do not fit together: pageSize must be at"
                        + " least 1, not 0; sinceFrom body needs sincePointer, the JSON Pointer of the next since"
                        + " value in the body, not ''; sinceFrom body needs sinceParam, the query parameter the value"
                        + " is sent in; conditional requests need pagination none: a 304 Not Modified speaks for one"
                        + " address, not for every page; auth oauth2-client-credentials needs tokenUrl; auth"
                        + " oauth2-client-credentials needs clientSecret");
    }

    @Test
    void theTemplateDefaultsFitTogether() {
        defaults().check();
    }

    /** The bean as the template's defaults configure it. */
    private static HttpPoll defaults() {
        HttpPoll poll = new HttpPoll();
        poll.setConnectorId("deska");
        poll.setUrl("https://agenda.example/desky");
        poll.setAccept("application/json");
        poll.setTimeoutMillis(30000);
        poll.setMaxBytes(33554432);
        poll.setPagination("none");
        poll.setPageParam("");
        poll.setPageStart("");
        poll.setPageSizeParam("");
        poll.setPageSize(100);
        poll.setNextLinkPointer("");
        poll.setMaxPages(1000);
        poll.setSinceParam("");
        poll.setSinceFrom("fetch-time");
        poll.setSinceHeader("");
        poll.setSincePointer("");
        poll.setAuth("none");
        poll.setUsername("");
        poll.setPassword("");
        poll.setApiKeyHeader("X-API-Key");
        poll.setApiKey("");
        poll.setTokenUrl("");
        poll.setClientId("");
        poll.setClientSecret("");
        poll.setScope("");
        return poll;
    }
}
