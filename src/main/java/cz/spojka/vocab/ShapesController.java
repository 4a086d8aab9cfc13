package cz.spojka.vocab;

import cz.spojka.system.SpojkaProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /vocab/shapes/<file>.ttl}: the SHACL shapes files as they are in {@code vocab/shapes/}, so that the
 * {@code dataschema} of every change event ({@link EntityShapes}) can be dereferenced.
 */
@RestController
class ShapesController {

    private static final MediaType TURTLE = MediaType.parseMediaType("text/turtle;charset=UTF-8");

    private final Path shapesDir;

    ShapesController(SpojkaProperties properties) {
        this.shapesDir = properties
                .vocabDir()
                .resolve(EntityShapes.FOLDER)
                .toAbsolutePath()
                .normalize();
    }

    @GetMapping("/vocab/" + EntityShapes.FOLDER + "/{file:.+\\.ttl}")
    ResponseEntity<Resource> shapes(@PathVariable String file) {
        Path shapes = shapesDir.resolve(file).normalize();
        if (!shapes.getParent().equals(shapesDir) || !Files.isRegularFile(shapes)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(TURTLE).body(new FileSystemResource(shapes));
    }
}
