package cz.spojka.privacy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the detectors on 363 real notice titles of the MV ČR sample labelled by hand
 * ({@code labelled-titles.csv}; how they were chosen and labelled: the README beside it). The floors are the values
 * measured when the detectors were written: a change that lowers them fails here.
 */
class DetectorsPrecisionRecallTest {

    private static final Path FIXTURE = Path.of("src/test/resources/cz/spojka/privacy/labelled-titles.csv");

    /** One labelled title and what the detectors found in it. */
    private record Labelled(String title, boolean personal, List<String> spans, List<Finding> found) {}

    private static List<Labelled> titles;

    @BeforeAll
    static void detect() throws IOException {
        PersonalDataDetectors detectors = new PersonalDataDetectors(NameLexicon.bundled());
        titles = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(FIXTURE, UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
                String title = row.get("title");
                List<String> spans = Arrays.stream(row.get("spans").split("\\|"))
                        .filter(s -> !s.isEmpty())
                        .toList();
                titles.add(new Labelled(title, row.get("label").equals("personal"), spans, detectors.find(title)));
            }
        }
    }

    @Test
    void theFixtureHoldsBothClassesWellRepresented() {
        assertThat(titles).hasSize(363);
        assertThat(titles.stream().filter(Labelled::personal)).hasSize(153);
        assertThat(titles)
                .allSatisfy(t -> assertThat(t.personal()).isEqualTo(!t.spans().isEmpty()));
    }

    /** A title is flagged when any detector finds anything in it. */
    @Test
    void titlesWithPersonalDataAreFlaggedAndOthersAreNot() {
        long truePositives = titles.stream()
                .filter(t -> t.personal() && !t.found().isEmpty())
                .count();
        long flagged = titles.stream().filter(t -> !t.found().isEmpty()).count();
        long personal = titles.stream().filter(Labelled::personal).count();
        assertAtLeast("titles", new Measured(truePositives, flagged, truePositives, personal), 1.0, 1.0);
    }

    /**
     * A labelled span is found when findings cover every one of its characters; a finding is right when it overlaps a
     * labelled span.
     */
    @Test
    void theSpansFoundAreTheLabelledOnes() {
        long spans = 0;
        long covered = 0;
        long findings = 0;
        long right = 0;
        for (Labelled title : titles) {
            for (String span : title.spans()) {
                spans++;
                int start = title.title().indexOf(span);
                covered += covers(title, start, start + span.length()) ? 1 : 0;
            }
            for (Finding finding : title.found()) {
                findings++;
                right += title.spans().stream().anyMatch(span -> overlaps(title.title(), span, finding)) ? 1 : 0;
            }
        }
        assertAtLeast("spans", new Measured(right, findings, covered, spans), 1.0, 1.0);
    }

    /**
     * @param right findings (or flagged titles) that are right
     * @param found all findings (flagged titles)
     * @param recalled labelled items found
     * @param labelled all labelled items
     */
    private record Measured(long right, long found, long recalled, long labelled) {}

    /** Prints the measurement (the numbers docs/personal-data.md reports) and checks it against the floors. */
    private static void assertAtLeast(String what, Measured measured, double precisionFloor, double recallFloor) {
        double precision = (double) measured.right() / measured.found();
        double recall = (double) measured.recalled() / measured.labelled();
        System.out.printf(
                "%s: precision %.3f (%d/%d), recall %.3f (%d/%d)%n",
                what, precision, measured.right(), measured.found(), recall, measured.recalled(), measured.labelled());
        assertThat(precision).as("%s: precision", what).isGreaterThanOrEqualTo(precisionFloor);
        assertThat(recall).as("%s: recall", what).isGreaterThanOrEqualTo(recallFloor);
    }

    /** Whether every character of the span but spaces lies in a finding. */
    private static boolean covers(Labelled title, int start, int end) {
        for (int i = start; i < end; i++) {
            int at = i;
            boolean space = Character.isWhitespace(title.title().charAt(at));
            if (!space && title.found().stream().noneMatch(f -> f.start() <= at && at < f.end())) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlaps(String title, String span, Finding finding) {
        int start = title.indexOf(span);
        return start < finding.end() && finding.start() < start + span.length();
    }
}
