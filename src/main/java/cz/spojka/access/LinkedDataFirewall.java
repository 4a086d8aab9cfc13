package cz.spojka.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The strict firewall everywhere except on the paths of the hub's own IRIs ({@code /zdroj/}, {@code /graph/},
 * {@code /connectors/}), where an encoded slash may stand in an id. Tomcat passes {@code %2F} through undecoded, so
 * such a path also holds a {@code %}, which the strict firewall refuses in a decoded path.
 */
final class LinkedDataFirewall implements HttpFirewall {

    private static final List<String> HUB_IRI_PATHS = List.of("/zdroj/", "/graph/", "/connectors/");

    private final StrictHttpFirewall strict = new StrictHttpFirewall();
    private final StrictHttpFirewall idsWithSlashes = new StrictHttpFirewall();

    LinkedDataFirewall() {
        idsWithSlashes.setAllowUrlEncodedSlash(true);
        idsWithSlashes.setAllowUrlEncodedPercent(true);
    }

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        return firewallOf(request).getFirewalledRequest(request);
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }

    private HttpFirewall firewallOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return HUB_IRI_PATHS.stream().anyMatch(path::startsWith) ? idsWithSlashes : strict;
    }
}
