package cz.spojka.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile and broken bodies of {@link HostileInputIT}, generated from the real samples with a fixed seed: families
 * of damage (truncations at many offsets, stray bytes, XXE, entity expansion, deep nesting, bad bytes, wrong
 * charsets, huge literals, duplicate ids, wrong types, empty bodies, BOMs, NUL bytes, broken CSV and KXX structure)
 * times variants, per format. Nothing is committed but this generator; a body is built when its case runs, and the
 * 100 MB bodies are written from a generator as they are sent, never held whole.
 */
final class HostileCorpus {

    static final Charset CP1250 = Charset.forName("windows-1250");

    /** What the hub must do with a case. */
    enum Expect {
        /** The whole body, or every record, is rejected with letters; a webhook answers 4xx. */
        REJECTED,
        /** Some records are rejected with letters, the others pass. */
        PARTIAL,
        /** Accepted as it is (a control: a BOM, UTF-16). */
        ACCEPTED,
        /** Either, as long as whatever is rejected has its letter (a truncation that may end on a record boundary). */
        EITHER
    }

    /** A body: small ones as bytes, the 100 MB ones as a generator. */
    interface Body {
        long length();

        void writeTo(OutputStream out) throws IOException;

        static Body of(byte[] bytes) {
            return new Body() {
                public long length() {
                    return bytes.length;
                }

                public void writeTo(OutputStream out) throws IOException {
                    out.write(bytes);
                }
            };
        }

        /** {@code head}, then {@code filler} repeated up to {@code length} bytes, then {@code tail}. */
        static Body generated(String head, String filler, String tail, long length) {
            return new Body() {
                public long length() {
                    return length;
                }

                public void writeTo(OutputStream out) throws IOException {
                    byte[] h = head.getBytes(UTF_8);
                    byte[] t = tail.getBytes(UTF_8);
                    byte[] chunk =
                            filler.repeat(Math.max(1, 65536 / filler.length())).getBytes(UTF_8);
                    out.write(h);
                    long left = length - h.length - t.length;
                    while (left > 0) {
                        int n = (int) Math.min(chunk.length, left);
                        out.write(chunk, 0, n);
                        left -= n;
                    }
                    out.write(t);
                }
            };
        }
    }

    /**
     * One case.
     *
     * @param reason a pattern (case-insensitive) the reason of its letter, or of its 4xx answer, must match; null when
     *     any clear reason does
     */
    record Case(String id, String format, String family, Expect expect, String reason, Body body) {}

    private final Random random;
    private final String xxeFile;
    private final String xxeUrl;
    private final List<Case> cases = new ArrayList<>();

    /**
     * @param xxeFile a local file whose content must never appear anywhere
     * @param xxeUrl an address of the test that must never be fetched
     */
    HostileCorpus(long seed, String xxeFile, String xxeUrl) {
        this.random = new Random(seed);
        this.xxeFile = xxeFile;
        this.xxeUrl = xxeUrl;
    }

    static final String BAD_BYTES = "utf-8|encoding|charset|invalid|character";
    static final String SYNTAX = "not well-formed|unexpected|unrecognized|eof|end-of-input|expected|malformed|invalid"
            + "|illegal|trailing|must be|quote|encapsulated|line";

    List<Case> json(byte[] sample) {
        String format = "json";
        truncations(format, sample, 150, Expect.REJECTED, SYNTAX);
        List<Integer> values = positionsAfter(sample, "\": ");
        for (int i = 0; i < 30; i++) {
            byte stray = (byte) "@#}]:,'x\\".charAt(i % 9);
            add(format, "stray-bytes", Expect.REJECTED, SYNTAX, insert(sample, pick(values), new byte[] {stray}));
        }
        badBytes(format, sample, values, 25);
        charsetMislabels(format, "[{\"id\": 1, \"code\": \"%s\"}]");
        for (int depth : new int[] {10_000, 100_000, 1_000_000}) {
            add(format, "deep-nesting", Expect.REJECTED, "nesting depth", bytes("[".repeat(depth) + "]".repeat(depth)));
            add(
                    format,
                    "deep-nesting",
                    Expect.REJECTED,
                    "nesting depth",
                    bytes("[{\"id\": 1, \"code\": " + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}]"));
        }
        for (int i = 0; i < 3; i++) {
            add(
                    format,
                    "huge-literal",
                    Expect.REJECTED,
                    "string value length",
                    bytes("[{\"id\": " + (7000 + i) + ", \"code\": \"" + "x".repeat(10_000_000 + i) + "\"}]"));
        }
        String text = new String(sample, UTF_8);
        List<String> records = jsonRecords(text);
        for (int i = 0; i < 10; i++) {
            String record = records.get(random.nextInt(records.size()));
            String body = "[" + String.join(",", records) + "," + record.replace("\"temperature\"", "\"t0\"") + "]";
            add(format, "duplicate-ids", Expect.PARTIAL, "appears 2 times", bytes(body));
        }
        String[] wrongIds = {"{}", "[]", "null", "\"\"", "{\"a\": 1}", "[1, 2]", "\"  \""};
        for (String wrong : wrongIds) {
            add(
                    format,
                    "wrong-types",
                    Expect.REJECTED,
                    "no id",
                    bytes("[{\"id\": " + wrong + ", \"code\": \"0009/ 1\", \"percent_calculated\": 5}]"));
        }
        for (String body : new String[] {"\"text\"", "42", "true", "null", "{\"id\": {}}"}) {
            add(format, "wrong-types", Expect.REJECTED, "no id|null where", bytes(body));
        }
        empties(format);
        add(format, "bom", Expect.ACCEPTED, null, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, sample));
        add(
                format,
                "bom",
                Expect.ACCEPTED,
                null,
                concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE)));
        nuls(format, sample, values, 10);
        for (String iri : new String[] {"a b", "<x>", "\\\"q\\\"", "{x}", "a|b", "^`", "\\u0000", "%zz", "\\n"}) {
            add(
                    format,
                    "invalid-iri",
                    Expect.EITHER,
                    null,
                    bytes("[{\"id\": 99" + cases.size() + ", \"code\": \"" + iri + "\", \"percent_calculated\": 5,"
                            + " \"measured_at_utc\": 1558105887000.0}]"));
        }
        return take(format);
    }

    List<Case> xml(byte[] sample) {
        String format = "xml";
        truncations(format, sample, 150, Expect.REJECTED, SYNTAX);
        List<Integer> texts = positionsAfter(sample, "'>");
        for (int i = 0; i < 30; i++) {
            String stray = new String[] {"<", "&", "</x>", "<a", "]]>"}[i % 5];
            add(format, "stray-bytes", Expect.REJECTED, SYNTAX, insert(sample, pick(texts), stray.getBytes(UTF_8)));
        }
        badBytes(format, sample, texts, 20);
        charsetMislabels(
                format,
                "<?xml version='1.0' encoding='utf-8'?><edesky_search_api><documents>"
                        + "<document edesky_id='1' name='%s'/></documents></edesky_search_api>");
        String body = new String(sample, UTF_8).replaceFirst("<\\?xml[^>]*\\?>", "");
        String[] xxe = {
            "<!DOCTYPE edesky_search_api [<!ENTITY x SYSTEM \"file://" + xxeFile + "\">]>",
            "<!DOCTYPE edesky_search_api [<!ENTITY x SYSTEM \"" + xxeUrl + "/general\">]>",
            "<!DOCTYPE edesky_search_api [<!ENTITY % p SYSTEM \"file://" + xxeFile + "\"> %p;]>",
            "<!DOCTYPE edesky_search_api [<!ENTITY % p SYSTEM \"" + xxeUrl + "/parameter.dtd\"> %p;]>",
            "<!DOCTYPE edesky_search_api SYSTEM \"" + xxeUrl + "/external.dtd\">",
            "<!DOCTYPE edesky_search_api PUBLIC \"-//X//Y\" \"" + xxeUrl + "/public.dtd\">",
        };
        for (int i = 0; i < xxe.length; i++) {
            for (String where : new String[] {"edesky_id='3312051'", "<documents_count total='43'>43"}) {
                String used = body.replace(
                        where, where.startsWith("edesky") ? "edesky_id='&x;'" : "<documents_count total='43'>&x;");
                add(format, "xxe", Expect.REJECTED, "doctype", bytes(xxe[i] + used));
            }
        }
        for (int levels = 3; levels <= 10; levels++) {
            StringBuilder dtd = new StringBuilder("<!DOCTYPE edesky_search_api [<!ENTITY l0 \"lol\">");
            for (int l = 1; l <= levels; l++) {
                dtd.append("<!ENTITY l")
                        .append(l)
                        .append(" \"")
                        .append(("&l" + (l - 1) + ";").repeat(10))
                        .append("\">");
            }
            dtd.append("]>");
            add(
                    format,
                    "billion-laughs",
                    Expect.REJECTED,
                    "doctype",
                    bytes(dtd + body.replace("edesky_id='3312051'", "edesky_id='&l" + levels + ";'")));
        }
        for (int kb : new int[] {10, 100}) {
            String blow = "<!DOCTYPE edesky_search_api [<!ENTITY b \"" + "b".repeat(kb * 1024) + "\">]>";
            add(
                    format,
                    "quadratic-blowup",
                    Expect.REJECTED,
                    "doctype",
                    bytes(blow
                            + body.replace(
                                    "<user>example@example.com</user>", "<user>" + "&b;".repeat(10_000) + "</user>")));
        }
        for (int depth : new int[] {10_000, 100_000, 1_000_000}) {
            add(
                    format,
                    "deep-nesting",
                    Expect.REJECTED,
                    "depth",
                    bytes("<edesky_search_api><documents>" + "<a>".repeat(depth) + "</a>".repeat(depth)
                            + "</documents></edesky_search_api>"));
        }
        for (int i = 0; i < 3; i++) {
            add(
                    format,
                    "huge-literal",
                    Expect.REJECTED,
                    "exceeds the maximum|limit",
                    bytes(body.replace(
                            "<user>example@example.com</user>", "<user>" + "x".repeat(10_000_000 + i) + "</user>")));
        }
        List<String> documents = xmlDocuments(body);
        for (int i = 0; i < 10; i++) {
            String doc = documents.get(random.nextInt(documents.size()));
            add(
                    format,
                    "duplicate-ids",
                    Expect.PARTIAL,
                    "appears 2 times",
                    bytes(body.replace("</documents>", doc.replace("name='", "name='X ") + "</documents>")));
        }
        for (String wrong : new String[] {"", " ", "<edesky_id>1</edesky_id>"}) {
            add(
                    format,
                    "wrong-types",
                    Expect.REJECTED,
                    "no id|no entity",
                    bytes("<edesky_search_api><documents><document name='x'>" + wrong
                            + "</document></documents></edesky_search_api>"));
        }
        add(
                format,
                "wrong-types",
                Expect.REJECTED,
                "nothing at the records pointer",
                bytes("<edesky_search_api><document edesky_id='1'/></edesky_search_api>"));
        empties(format);
        add(format, "bom", Expect.ACCEPTED, null, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, sample));
        add(
                format,
                "bom",
                Expect.ACCEPTED,
                null,
                concat(
                        new byte[] {(byte) 0xFE, (byte) 0xFF},
                        ("<?xml version='1.0' encoding='UTF-16'?>" + body).getBytes(StandardCharsets.UTF_16BE)));
        nuls(format, sample, texts, 10);
        for (String iri : new String[] {
            "http://a b",
            "http://x/<y>",
            "javascript:alert(1)",
            "http://[::1",
            "%%",
            "http://x/{y}",
            "::",
            "http://x/&quot;q&quot;"
        }) {
            add(
                    format,
                    "invalid-iri",
                    Expect.EITHER,
                    null,
                    bytes("<edesky_search_api><documents><document edesky_id='88" + cases.size() + "' name='n'"
                            + " created_at='2019-10-10 17:10:14 +0200' dashboard_id='97' orig_url='" + iri
                            + "' edesky_url='" + iri + "'/></documents></edesky_search_api>"));
        }
        return take(format);
    }

    List<Case> csv(byte[] sample) {
        String format = "csv";
        truncations(format, sample, 40, Expect.EITHER, null);
        String text = new String(sample, UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n")));
        for (int i = 0; i < 30; i++) {
            List<String> broken = new ArrayList<>(lines);
            int row = 1 + random.nextInt(lines.size() - 1);
            broken.set(
                    row, i % 2 == 0 ? broken.get(row) + ";9" : broken.get(row).replaceFirst(";[^;]*$", ""));
            add(format, "column-count", Expect.PARTIAL, "column", bytes(String.join("\n", broken)));
        }
        for (int i = 0; i < 20; i++) {
            List<String> broken = new ArrayList<>(lines);
            int row = 1 + random.nextInt(lines.size() - 1);
            broken.set(
                    row, i % 2 == 0 ? "\"" + broken.get(row) : broken.get(row).replaceFirst(";", ";\"x\"y;"));
            add(
                    format,
                    "quotes",
                    i % 2 == 0 ? Expect.REJECTED : Expect.EITHER,
                    SYNTAX,
                    bytes(String.join("\n", broken)));
        }
        List<Integer> fields = positionsAfter(sample, ";");
        badBytes(format, sample, fields, 10);
        charsetMislabels(
                format,
                "Paragraf (kód);Položka (kód);Schválený rozpočet;Rozpočet po změnách;Konečný"
                        + " rozpočet;Výsledek od počátku roku\n1019;5321;0;0;0;0 %s\n");
        empties(format);
        nuls(format, sample, fields, 5);
        String header = lines.get(0);
        add(
                format,
                "huge-literal",
                Expect.PARTIAL,
                "exceeds the maximum",
                bytes(text + "1019;5399;" + "9".repeat(10_000_000) + ";0;0;0\n"));
        for (int i = 0; i < 5; i++) {
            String row = lines.get(1 + random.nextInt(lines.size() - 1));
            add(format, "duplicate-ids", Expect.PARTIAL, "appears 2 times", bytes(text + row + "\n"));
        }
        for (String wrong : new String[] {"abc", "1e999", "--5", "{}", "12,3,4"}) {
            add(format, "wrong-types", Expect.EITHER, null, bytes(header + "\n1019;5321;" + wrong + ";0;0;0\n"));
        }
        return take(format);
    }

    List<Case> kxx(byte[] sample) {
        String format = "kxx";
        String text = new String(sample, CP1250);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n")));
        List<String> head = lines.subList(0, Math.min(40, lines.size()));
        String small = String.join("\r\n", head) + "\r\n";
        byte[] base = small.getBytes(CP1250);
        truncations(format, base, 40, Expect.EITHER, null);
        List<Integer> data = new ArrayList<>();
        for (int i = 0; i < head.size(); i++) {
            if (head.get(i).startsWith("G/@")) {
                data.add(i);
            }
        }
        add(
                format,
                "broken-structure",
                Expect.REJECTED,
                "file header|header",
                bytes(small.substring(small.indexOf('\n') + 1), CP1250));
        add(format, "broken-structure", Expect.REJECTED, "header", bytes(small.replaceFirst("6/@", "6/X"), CP1250));
        add(
                format,
                "broken-structure",
                Expect.REJECTED,
                "header",
                bytes(small.replaceFirst("5/@4499", "5/@ABCD"), CP1250));
        for (int i = 0; i < 10; i++) {
            List<String> broken = new ArrayList<>(head);
            int row = data.get(random.nextInt(data.size()));
            broken.set(row, broken.get(row).substring(0, 40 + random.nextInt(50)));
            add(
                    format,
                    "broken-structure",
                    Expect.PARTIAL,
                    "line",
                    bytes(String.join("\r\n", broken) + "\r\n", CP1250));
        }
        for (int i = 0; i < 10; i++) {
            List<String> broken = new ArrayList<>(head);
            int row = data.get(random.nextInt(data.size()));
            String line = broken.get(row);
            int at = 40 + random.nextInt(40);
            broken.set(row, line.substring(0, at) + "X" + line.substring(at + 1));
            add(format, "wrong-types", Expect.PARTIAL, "line", bytes(String.join("\r\n", broken) + "\r\n", CP1250));
        }
        for (int i = 0; i < 5; i++) {
            byte[] bad = base.clone();
            bad[data.get(i) * 111 % bad.length] = (byte) new int[] {0x81, 0x83, 0x88, 0x90, 0x98}[i];
            add(format, "invalid-bytes", Expect.REJECTED, BAD_BYTES, bad);
        }
        for (int i = 0; i < 5; i++) {
            add(
                    format,
                    "charset-mislabel",
                    Expect.REJECTED,
                    "utf-8",
                    (small + "G/$0001      1Příliš žluťoučký kůň " + i + "\r\n").getBytes(UTF_8));
        }
        empties(format);
        for (int i = 0; i < 5; i++) {
            byte[] bad = base.clone();
            bad[bad.length / 2 + i * 97] = 0;
            add(format, "nul-bytes", Expect.EITHER, null, bad);
        }
        return take(format);
    }

    List<Case> webhook(byte[] sample) {
        String format = "webhook";
        truncations(format, sample, 150, Expect.REJECTED, SYNTAX);
        List<Integer> values = positionsAfter(sample, "\":");
        for (int i = 0; i < 20; i++) {
            add(format, "stray-bytes", Expect.REJECTED, SYNTAX, insert(sample, pick(values), new byte[] {
                (byte) "@#}]:,'x\\".charAt(i % 9)
            }));
        }
        badBytes(format, sample, values, 10);
        charsetMislabels(
                format,
                "[{\"service_request_id\":\"1\",\"status\":\"open\",\"service_code\":\"006\","
                        + "\"requested_datetime\":\"2010-04-14T06:37:38-08:00\",\"description\":\"%s\"}]");
        for (int depth : new int[] {10_000, 100_000}) {
            add(format, "deep-nesting", Expect.REJECTED, "nesting depth", bytes("[".repeat(depth) + "]".repeat(depth)));
        }
        add(
                format,
                "deep-nesting",
                Expect.REJECTED,
                "larger than the limit",
                bytes("[".repeat(1_000_000) + "]".repeat(1_000_000)));
        add(
                format,
                "huge-literal",
                Expect.REJECTED,
                "larger than the limit",
                bytes("[{\"service_request_id\":\"1\",\"description\":\"" + "x".repeat(10_000_000) + "\"}]"));
        String text = new String(sample, UTF_8).trim();
        String record = text.substring(1, text.length() - 1).trim();
        for (int i = 0; i < 5; i++) {
            add(
                    format,
                    "duplicate-ids",
                    Expect.REJECTED,
                    "appears 2 times",
                    bytes("[" + record + "," + record.replace("Duplicate request.", "Second copy " + i) + "]"));
        }
        String[][] wrongTypes = {
            {"\"service_request_id\":\"638344\"", "\"service_request_id\":638344"},
            {"\"service_request_id\":\"638344\"", "\"service_request_id\":{}"},
            {"\"service_request_id\":\"638344\"", "\"service_request_id\":[\"638344\"]"},
            {"\"status\":\"closed\"", "\"status\":1"},
            {"\"status\":\"closed\"", "\"status\":[\"closed\"]"},
            {"\"lat\":37.762221815", "\"lat\":\"north\""},
            {"\"lat\":37.762221815", "\"lat\":{}"},
            {"\"requested_datetime\":\"2010-04-14T06:37:38-08:00\"", "\"requested_datetime\":20100414"},
            {"\"service_code\":\"006\"", "\"service_code\":6"},
            {"\"address\":\"8TH AVE and JUDAH ST\"", "\"address\":[1,2]"},
        };
        for (String[] wrong : wrongTypes) {
            add(format, "wrong-types", Expect.REJECTED, null, bytes(text.replace(wrong[0], wrong[1])));
        }
        for (String body : new String[] {"\"text\"", "42", "true", "{}", "[[]]"}) {
            add(format, "wrong-types", Expect.REJECTED, null, bytes(body));
        }
        empties(format);
        add(format, "bom", Expect.ACCEPTED, null, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, sample));
        nuls(format, sample, values, 5);
        for (int i = 0; i < 5; i++) {
            add(
                    format,
                    "trailing-garbage",
                    Expect.REJECTED,
                    "unrecognized token|trailing|unexpected",
                    bytes(text + new String[] {" x", "[]", "{}", " null", ",1"}[i]));
        }
        for (int i = 0; i < 5; i++) {
            add(
                    format,
                    "duplicate-fields",
                    Expect.REJECTED,
                    "duplicate field",
                    bytes(text.replace("\"status\":\"closed\"", "\"status\":\"closed\",\"status\":\"open" + i + "\"")));
        }
        for (String iri : new String[] {"http://a b", "javascript:alert(1)", "http://x/<y>", "not a url", "%%"}) {
            add(
                    format,
                    "invalid-iri",
                    Expect.EITHER,
                    null,
                    bytes(text.replaceFirst("\"media_url\":\"[^\"]*\"", "\"media_url\":\"" + iri + "\"")
                            .replace("638344", "77" + cases.size())));
        }
        return take(format);
    }

    // ---- families shared by the formats

    private void truncations(String format, byte[] sample, int count, Expect expect, String reason) {
        for (int i = 0; i < count; i++) {
            int offset = 1 + (int) ((long) (sample.length - 3) * i / count) + random.nextInt(3);
            add(format, "truncated", expect, reason, Arrays.copyOf(sample, Math.min(offset, sample.length - 2)));
        }
    }

    private void badBytes(String format, byte[] sample, List<Integer> positions, int count) {
        byte[][] sequences = {
            {(byte) 0xC3, (byte) 0x28},
            {(byte) 0xFF},
            {(byte) 0x80},
            {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0x28},
            {(byte) 0xFE},
            {(byte) 0xC0, (byte) 0xAF},
        };
        for (int i = 0; i < count; i++) {
            // Inside a string or text, where the byte is the only thing wrong.
            int at = pick(positions) + 2;
            add(
                    format,
                    "invalid-utf8",
                    Expect.REJECTED,
                    BAD_BYTES,
                    insert(sample, at, sequences[i % sequences.length]));
        }
    }

    private void charsetMislabels(String format, String template) {
        String[] texts = {
            "Příliš žluťoučký kůň",
            "Úřední deska",
            "Městský úřad Chrudim",
            "Šumperk",
            "Čeněk Ďoubal",
            "řeřicha",
            "Ústí nad Labem",
            "Žďár nad Sázavou",
            "pětatřicet",
            "Škoda"
        };
        for (String t : texts) {
            add(
                    format,
                    "charset-mislabel",
                    Expect.REJECTED,
                    BAD_BYTES,
                    template.formatted(t).getBytes(CP1250));
        }
    }

    private void empties(String format) {
        // A file-drop connector never takes an empty file (it may still be being written): the webhook gets one.
        for (String body :
                format.equals("webhook") ? new String[] {"", " ", "\r\n\r\n"} : new String[] {"\n", " ", "\r\n\r\n"}) {
            add(format, "empty", Expect.REJECTED, "empty", bytes(body));
        }
    }

    private void nuls(String format, byte[] sample, List<Integer> positions, int count) {
        for (int i = 0; i < count; i++) {
            add(
                    format,
                    "nul-bytes",
                    format.equals("csv") ? Expect.EITHER : Expect.REJECTED,
                    format.equals("csv") ? null : SYNTAX + "|ctrl-char|code 0|0x0",
                    insert(sample, pick(positions) + 2, new byte[] {0}));
        }
    }

    // ---- helpers

    private void add(String format, String family, Expect expect, String reason, byte[] body) {
        add(format, family, expect, reason, Body.of(body));
    }

    void add(String format, String family, Expect expect, String reason, Body body) {
        String id = String.format("%s-%s-%04d", format, family, cases.size());
        cases.add(new Case(id, format, family, expect, reason, body));
    }

    private List<Case> take(String format) {
        List<Case> taken = cases.stream().filter(c -> c.format().equals(format)).toList();
        cases.removeAll(taken);
        return taken;
    }

    private int pick(List<Integer> positions) {
        return positions.get(random.nextInt(positions.size()));
    }

    private static List<Integer> positionsAfter(byte[] sample, String marker) {
        List<Integer> positions = new ArrayList<>();
        Matcher m = Pattern.compile(Pattern.quote(marker)).matcher(new String(sample, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            positions.add(m.end());
        }
        return positions;
    }

    private static List<String> jsonRecords(String text) {
        List<String> records = new ArrayList<>();
        Matcher m = Pattern.compile("\\{[^{}]*}").matcher(text);
        while (m.find()) {
            records.add(m.group());
        }
        return records;
    }

    private static List<String> xmlDocuments(String body) {
        List<String> documents = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)<document .*?</document>").matcher(body);
        while (m.find()) {
            documents.add(m.group());
        }
        return documents;
    }

    private static byte[] insert(byte[] sample, int at, byte[] inserted) {
        int where = Math.min(at, sample.length);
        byte[] result = new byte[sample.length + inserted.length];
        System.arraycopy(sample, 0, result, 0, where);
        System.arraycopy(inserted, 0, result, where, inserted.length);
        System.arraycopy(sample, where, result, where + inserted.length, sample.length - where);
        return result;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }
}
