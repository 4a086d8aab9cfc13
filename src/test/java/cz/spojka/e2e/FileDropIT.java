package cz.spojka.e2e;

import static cz.spojka.e2e.TestHub.BASE_IRI;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.spojka.changelog.DeadLetter;
import cz.spojka.connector.RunReport;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The file-drop templates end to end: the hub with its in-process broker and store, and five connectors of
 * {@code src/test/resources/cz/spojka/e2e/filedrop/} reading the real eDesky sample of Chrudim with the edesky mapping
 * from a local folder, from a real FTP server and from a real SFTP server (with a key login and the host key given,
 * with a password login, a known_hosts file and a marker file, and with another host key expected). The test writes
 * files where an agenda system would, some of them slowly, and checks the events on Kafka, the SPARQL answers and
 * where the files end up.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The embedded servers log every FTP command and SSH session at INFO.
        properties = {"logging.level.org.apache.ftpserver=WARN", "logging.level.org.apache.sshd=WARN"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FileDropIT extends HubUnderTest {

    private static final String SAMPLE_NAME = "documents-chrudim.xml";
    private static final byte[] SAMPLE = AgendaSystem.sample(AgendaSystem.EDESKY, AgendaSystem.EDESKY_FILE);
    private static final String NOTICE =
            "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/informace-zveřejněná-na-úřední-desce";
    /** {@code .done/<date>/<HHmmssSSS>-<name>} and the same under {@code .error}. */
    private static final String MOVED = "\\d{4}-\\d{2}-\\d{2}/\\d{9}-";

    private static final Path WORK = TestHub.tempDir("spojka-filedrop-it-");
    private static final Path FOLDER = WORK.resolve("drop");
    private static final FtpDropServer FTP = new FtpDropServer(WORK.resolve("ftp")).start();
    private static final Path FTP_FOLDER = FTP.home().resolve("export/deska");
    private static final SftpDropServer SFTP = new SftpDropServer(WORK.resolve("sftp")).start();
    private static final TestHub HUB =
            TestHub.onFreePorts(WORK.resolve("hub"), Path.of("src/test/resources/cz/spojka/e2e/filedrop"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        registry.add("filedrop.folder", FOLDER::toString);
        registry.add("filedrop.ftp.port", FTP::port);
        registry.add("filedrop.ftp.password", () -> FtpDropServer.PASSWORD);
        registry.add("filedrop.sftp.port", SFTP::port);
        registry.add("filedrop.sftp.host-key", SFTP::hostKey);
        registry.add("filedrop.sftp.other-host-key", SftpDropServer::otherHostKey);
        registry.add(
                "filedrop.sftp.private-key-file",
                () -> SFTP.writeClientKey(WORK.resolve("keys/id_hub")).toString());
        registry.add("filedrop.sftp.password", () -> SftpDropServer.PASSWORD);
        registry.add(
                "filedrop.sftp.known-hosts-file",
                () -> SFTP.writeKnownHosts(WORK.resolve("keys/known_hosts")).toString());
    }

    @Test
    @Order(1)
    void aFileDroppedIntoTheFolderIsPublishedAndMovedToDone() throws IOException {
        Files.createDirectories(FOLDER);
        Files.write(FOLDER.resolve(SAMPLE_NAME), SAMPLE);

        RunReport run = awaitRun("drop-folder", null);
        assertThat(run.error()).isNull();
        assertThat(run.records()).isEqualTo(43);
        assertThat(run.created()).isEqualTo(1 + 43);
        assertThat(run.rejected()).isZero();
        Path done = awaitMoved(FOLDER.resolve(".done"), SAMPLE_NAME);
        assertThat(done).hasBinaryContent(SAMPLE);
        assertThat(FOLDER.resolve(SAMPLE_NAME)).doesNotExist();

        assertThat(createdEvents("drop-folder")).hasSize(1 + 43);
        awaitMaterialized();
        assertThat(sparql().count("GRAPH <" + BASE_IRI + "graph/deska-slozka/00270211> { ?n a <" + NOTICE + "> }"))
                .isEqualTo(43);
        assertThat(sparql().count("<" + BASE_IRI + "zdroj/deska-slozka/00270211/informace/edesky.cz/dokument/3312051>"
                        + " <http://purl.org/dc/terms/isPartOf> <" + BASE_IRI
                        + "zdroj/deska-slozka/00270211/deska/edesky.cz/desky/97>"))
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void aFileStillBeingWrittenIsReadOnlyOnceItStopsChanging() throws IOException, InterruptedException {
        RunReport before = connectors.lastRun("drop-folder");
        long changes = HUB.changeLog().endOffsetSum("spojka.changes");
        // Appends 500 ms apart: the file is younger than the connector's quiet time (3 s) the whole while.
        writeSlowly(FOLDER.resolve("growing.xml"), "drop-folder");

        RunReport run = awaitRun("drop-folder", before);
        assertThat(run.error()).isNull();
        assertThat(run.records()).isEqualTo(43);
        assertThat(run.created() + run.updated() + run.deleted())
                .as("the same notices again publish nothing")
                .isZero();
        assertThat(awaitMoved(FOLDER.resolve(".done"), "growing.xml")).hasBinaryContent(SAMPLE);
        assertThat(HUB.changeLog().endOffsetSum("spojka.changes")).isEqualTo(changes);
    }

    @Test
    @Order(3)
    void aBrokenFileIsMovedToErrorWithADeadLetterNamingIt() throws IOException {
        RunReport before = connectors.lastRun("drop-folder");
        long changes = HUB.changeLog().endOffsetSum("spojka.changes");
        byte[] halfWritten = Arrays.copyOf(SAMPLE, SAMPLE.length / 2);
        Files.write(FOLDER.resolve("broken.xml"), halfWritten);

        RunReport run = awaitRun("drop-folder", before);
        assertThat(run.succeeded()).isFalse();
        assertThat(run.error()).startsWith("broken.xml: ");
        Path failed = awaitMoved(FOLDER.resolve(".error"), "broken.xml");
        assertThat(failed).hasBinaryContent(halfWritten);
        assertThat(FOLDER.resolve("broken.xml")).doesNotExist();
        assertThat(HUB.changeLog().endOffsetSum("spojka.changes")).isEqualTo(changes);
        List<DeadLetter> letters = HUB.changeLog().deadLetters("spojka.deadletter").stream()
                .filter(l -> l.connectorId().equals("drop-folder"))
                .toList();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).recordId()).isEqualTo("body");
        assertThat(letters.get(0).stage()).isEqualTo("fetch");
        assertThat(letters.get(0).reason()).isEqualTo(run.error());
        assertThat(letters.get(0).record()).isEqualTo(new String(halfWritten, UTF_8));
    }

    @Test
    @Order(4)
    void anFtpFileIsReadOnlyOnceItsSizeStopsChanging() throws IOException, InterruptedException {
        Files.createDirectories(FTP_FOLDER);
        // Appends 500 ms apart: two listings one check interval (2 s) apart never show the same size meanwhile.
        writeSlowly(FTP_FOLDER.resolve(SAMPLE_NAME), "drop-ftp");

        RunReport run = awaitRun("drop-ftp", null);
        assertThat(run.error()).isNull();
        assertThat(run.records()).isEqualTo(43);
        assertThat(run.created()).isEqualTo(1 + 43);
        assertThat(awaitMoved(FTP_FOLDER.resolve(".done"), SAMPLE_NAME)).hasBinaryContent(SAMPLE);
        assertThat(createdEvents("drop-ftp")).hasSize(1 + 43);
        awaitMaterialized();
        assertThat(sparql().count("GRAPH <" + BASE_IRI + "graph/deska-ftp/00270211> { ?n a <" + NOTICE + "> }"))
                .isEqualTo(43);
    }

    @Test
    @Order(5)
    void anSftpFileIsReadWithAKeyLoginFromTheServerWithTheExpectedHostKeyOnce()
            throws IOException, InterruptedException {
        Path trusted = SFTP.root().resolve("drop");
        Path untrusted = SFTP.root().resolve("untrusted");
        Files.createDirectories(trusted);
        Files.createDirectories(untrusted);
        Files.write(untrusted.resolve(SAMPLE_NAME), SAMPLE);
        // Appends 500 ms apart, within the quiet time (3 s) even with SFTP's times in whole seconds.
        writeSlowly(trusted.resolve(SAMPLE_NAME), "drop-sftp");

        RunReport run = awaitRun("drop-sftp", null);
        assertThat(run.error()).isNull();
        assertThat(run.records()).isEqualTo(43);
        assertThat(run.created()).isEqualTo(1 + 43);
        assertThat(awaitMoved(trusted.resolve(".done"), SAMPLE_NAME)).hasBinaryContent(SAMPLE);
        assertThat(createdEvents("drop-sftp")).hasSize(1 + 43);
        awaitMaterialized();
        assertThat(sparql().count("GRAPH <" + BASE_IRI + "graph/deska-sftp/00270211> { ?n a <" + NOTICE + "> }"))
                .isEqualTo(43);

        // The other connector has been refused by its host-key check at every look meanwhile.
        assertThat(connectors.lastRun("drop-sftp-untrusted")).isNull();
        assertThat(untrusted.resolve(SAMPLE_NAME)).hasBinaryContent(SAMPLE);
        assertThat(untrusted.resolve(".done")).doesNotExist();
        assertThat(createdEvents("drop-sftp-untrusted")).isEmpty();
    }

    @Test
    @Order(6)
    void anSftpFileIsReadOnlyOnceItsMarkerExistsWithAPasswordLoginAndAKnownHostsFile() throws IOException {
        Path folder = SFTP.root().resolve("password");
        Files.createDirectories(folder);
        Files.write(folder.resolve(SAMPLE_NAME), SAMPLE);
        // Several looks (every 500 ms) pass a complete file without its marker.
        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(6))
                .until(() ->
                        Files.exists(folder.resolve(SAMPLE_NAME)) && connectors.lastRun("drop-sftp-password") == null);
        Files.write(folder.resolve(SAMPLE_NAME + ".ready"), new byte[0]);

        RunReport run = awaitRun("drop-sftp-password", null);
        assertThat(run.error()).isNull();
        assertThat(run.records()).isEqualTo(43);
        assertThat(run.created()).isEqualTo(1 + 43);
        assertThat(awaitMoved(folder.resolve(".done"), SAMPLE_NAME)).hasBinaryContent(SAMPLE);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(folder.resolve(SAMPLE_NAME + ".ready"))
                        .as("the marker is removed with its file")
                        .doesNotExist());
        assertThat(createdEvents("drop-sftp-password")).hasSize(1 + 43);
    }

    @Test
    @Order(7)
    void theConnectorsApiShowsPushedConnectorsWithoutASchedule() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/connectors"))
                                .header("X-Api-Key", HubApi.ADMIN_KEY)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode listed = JSON.readTree(response.body());
        assertThat(listed).hasSize(5);
        assertThat(listed).allSatisfy(c -> {
            assertThat(c.get("schedule").isNull()).isTrue();
            assertThat(c.get("status").asText()).isNotEqualTo("skipped");
        });
    }

    /**
     * Writes the sample into {@code file} in ten appends 500 ms apart, as a slow agenda system would, checking after
     * each that the connector has neither run nor moved the file.
     */
    private void writeSlowly(Path file, String connectorId) throws IOException, InterruptedException {
        RunReport before = connectors.lastRun(connectorId);
        int chunk = SAMPLE.length / 10 + 1;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            for (int from = 0; from < SAMPLE.length; from += chunk) {
                out.write(Arrays.copyOfRange(SAMPLE, from, Math.min(SAMPLE.length, from + chunk)));
                out.flush();
                Thread.sleep(500);
                assertThat(file).as("not taken while it grows").exists();
                assertThat(connectors.lastRun(connectorId)).isSameAs(before);
            }
        }
    }

    private RunReport awaitRun(String connectorId, RunReport previous) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    RunReport last = connectors.lastRun(connectorId);
                    return last != null && last != previous;
                });
        return connectors.lastRun(connectorId);
    }

    /** Waits until Camel has moved the file named {@code name} below {@code folder} and returns where it is. */
    private static Path awaitMoved(Path folder, String name) throws IOException {
        await().atMost(Duration.ofSeconds(30)).until(() -> moved(folder, name).size() == 1);
        Path moved = moved(folder, name).get(0);
        assertThat(folder.relativize(moved).toString()).matches(MOVED + Pattern.quote(name));
        return moved;
    }

    private static List<Path> moved(Path folder, String name) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-" + name))
                    .toList();
        }
    }

    private List<CloudEvent> createdEvents(String connectorId) {
        return HUB.changeLog().events("spojka.changes").stream()
                .map(ConsumerRecord::value)
                .filter(e -> e != null
                        && e.getSource().toString().equals(BASE_IRI + "connectors/" + connectorId)
                        && e.getType().endsWith(".created"))
                .toList();
    }
}
