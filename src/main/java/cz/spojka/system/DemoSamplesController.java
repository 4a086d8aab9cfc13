package cz.spojka.system;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo mode: the hub serves every connector's bundled {@code samples/} over HTTP at
 * {@code /demo/<connector>/<file>}, so the demo connectors run their real polling routes end to end with no network.
 */
@RestController
@ConditionalOnProperty(name = "spojka.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoSamplesController {

    private final Path connectorsDir;

    DemoSamplesController(SpojkaProperties properties) {
        this.connectorsDir = properties.connectorsDir().toAbsolutePath().normalize();
    }

    @GetMapping("/demo/{connector}/{file:.+}")
    ResponseEntity<Resource> sample(@PathVariable String connector, @PathVariable String file) {
        Path samples = connectorsDir.resolve(connector).resolve("samples").normalize();
        Path sample = samples.resolve(file).normalize();
        if (!sample.startsWith(samples) || !sample.startsWith(connectorsDir) || !Files.isRegularFile(sample)) {
            return ResponseEntity.notFound().build();
        }
        Resource resource = new FileSystemResource(sample);
        MediaType type = file.endsWith(".jsonld") || file.endsWith(".json")
                ? MediaType.APPLICATION_JSON
                : MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok().contentType(type).body(resource);
    }
}
