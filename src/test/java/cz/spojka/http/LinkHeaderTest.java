package cz.spojka.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    @Test
    void findsTheNextLinkAmongOthers() {
        String github = "<https://api.github.com/repositories/1/issues?page=2>; rel=\"next\","
                + " <https://api.github.com/repositories/1/issues?page=5>; rel=\"last\"";
        assertThat(LinkHeader.next(List.of(github))).isEqualTo("https://api.github.com/repositories/1/issues?page=2");
    }

    @Test
    void readsUnquotedAndSpaceSeparatedRelationTypesInAnyHeaderValue() {
        assertThat(LinkHeader.next(List.of("</desky?po=0>; rel=\"prev first\"", "</desky?po=20>; title=x; REL=next")))
                .isEqualTo("/desky?po=20");
        assertThat(LinkHeader.next(List.of("</a>; rel=\"prev next\""))).isEqualTo("/a");
    }

    @Test
    void theLastPageHasNoNextLink() {
        assertThat(LinkHeader.next(List.of("</desky?po=10>; rel=\"prev\""))).isNull();
        assertThat(LinkHeader.next(List.of())).isNull();
        assertThat(LinkHeader.next(List.of("</desky?po=10>; rel=\"nextpage\""))).isNull();
    }
}
