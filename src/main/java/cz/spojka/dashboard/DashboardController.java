package cz.spojka.dashboard;

import cz.spojka.system.SpojkaProperties;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The live dashboard: a static page ({@code static/dashboard/}) that reads nothing but the event stream
 * {@code /events}, and the few settings it needs from the hub's configuration.
 */
@Controller
class DashboardController {

    private final SpojkaProperties.Dashboard settings;

    DashboardController(SpojkaProperties properties) {
        this.settings = properties.dashboard();
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    String page() {
        return "forward:/dashboard/index.html";
    }

    /** The map's tile server (empty: the bundled outline) and where in the change log the lists start. */
    @GetMapping("/dashboard/settings.json")
    @ResponseBody
    Map<String, String> settings() {
        return Map.of(
                "tileUrl", settings.tileUrl(),
                "tileAttribution", settings.tileAttribution(),
                "since", Instant.now().minus(settings.history()).toString());
    }
}
