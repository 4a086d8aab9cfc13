package cz.spojka.mapping;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves the JSON-LD contexts that source documents reference from the bundle under {@code vocab/contexts/}, never
 * from the network: {@code https://ofn.gov.cz/X} is read from {@code vocab/contexts/ofn.gov.cz/X}. A context that is
 * not bundled is an error naming the IRI and the file it was looked for in, so a mapping never depends on a remote
 * server being up.
 */
public final class OfflineContextLoader implements DocumentLoader {

    private final Path contextsDir;
    private final Map<URI, JsonDocument> cache = new ConcurrentHashMap<>();

    public OfflineContextLoader(Path contextsDir) {
        this.contextsDir = contextsDir;
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        JsonDocument cached = cache.get(url);
        if (cached != null) {
            return cached;
        }
        JsonDocument loaded = load(url);
        cache.put(url, loaded);
        return loaded;
    }

    private JsonDocument load(URI url) throws JsonLdError {
        Path file = bundledFile(url);
        if (!Files.isRegularFile(file)) {
            throw new JsonLdError(
                    JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "JSON-LD context " + url + " is not bundled (looked for " + file + "); add it under " + contextsDir
                            + " — contexts are never fetched from the network");
        }
        try (InputStream in = Files.newInputStream(file)) {
            JsonDocument document = JsonDocument.of(in);
            document.setDocumentUrl(url);
            return document;
        } catch (IOException e) {
            throw new JsonLdError(
                    JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "Cannot read bundled JSON-LD context " + file + ": " + e.getMessage());
        }
    }

    /** The bundle file for a context IRI: host and path below the contexts directory. */
    Path bundledFile(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        return contextsDir.resolve(url.getHost() + path).normalize();
    }
}
