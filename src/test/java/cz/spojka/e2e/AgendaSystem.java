package cz.spojka.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** WireMock standing in for the municipal agenda systems: it serves the connectors' real samples. */
final class AgendaSystem {

    static final String OFN = "uredni-deska-ofn";
    static final String EDESKY = "uredni-deska-edesky";
    static final String OFN_FILE = "mvcr-policie-uredni-desky-ofn-2024-05.json";
    static final String EDESKY_FILE = "documents-chrudim.xml";
    static final String OFN_SAMPLE = "/" + OFN + "/" + OFN_FILE;
    static final String EDESKY_SAMPLE = "/" + EDESKY + "/" + EDESKY_FILE;

    /**
     * A connectors folder with the real notice-board connectors only (links to {@code connectors/<id>}): the
     * end-to-end tests count every event and entity, and the other ready connectors are covered by their own tests.
     */
    static Path noticeBoardConnectors() {
        return connectors(OFN, EDESKY);
    }

    /** A connectors folder with the given real connectors only (links to {@code connectors/<id>}). */
    static Path connectors(String... ids) {
        try {
            Path dir = Files.createTempDirectory("spojka-connectors-");
            for (String id : ids) {
                Files.createSymbolicLink(
                        dir.resolve(id), Path.of("connectors", id).toAbsolutePath());
            }
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    AgendaSystem start() {
        server.start();
        serveRealSamples();
        return this;
    }

    void stop() {
        server.stop();
    }

    WireMockServer server() {
        return server;
    }

    /** Where the connectors' demo base URL must point. */
    String baseUrl() {
        return server.baseUrl();
    }

    void serveRealSamples() {
        server.resetAll();
        serve(OFN_SAMPLE, sample(OFN, OFN_FILE), "application/ld+json");
        serve(EDESKY_SAMPLE, sample(EDESKY, EDESKY_FILE), "application/xml");
    }

    void serve(String path, byte[] body, String contentType) {
        server.stubFor(get(urlEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", contentType)
                        .withBody(body)));
    }

    static byte[] sample(String connector, String file) {
        try {
            return Files.readAllBytes(Path.of("connectors", connector, "samples", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
