package cz.spojka.privacy;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words and patterns around a run of capitalised words that tell a person's name from the name of an
 * organisation, a place, a street or a product in Czech official texts.
 */
final class NameCues {

    private NameCues() {}

    /**
     * Words a name follows in notices that deliver a document to a person ("oznámení o možnosti převzít písemnost –
     * Jan NOVÁK") or address one ("panu Janu Novákovi"); separators and "si" may stand between.
     */
    private static final Set<String> ADDRESSEE = Set.of(
            "písemnost",
            "písemnosti",
            "rozhodnutí",
            "pan",
            "paní",
            "panu",
            "pana",
            "panem",
            "adresát",
            "adresáta",
            "adresátu",
            "adresátovi");

    private static final Set<String> BETWEEN_CUE_AND_NAME = Set.of("-", "–", ",", ":", "si");
    private static final Set<String> PUNCTUATION = Set.of("-", "–", ",", ":", ";", "(", "\"", "„", "“");

    /** Academic titles written before a name. */
    private static final Set<String> ACADEMIC_TITLES = Set.of(
            "ing.",
            "ing",
            "mgr.",
            "mgr",
            "judr.",
            "mudr.",
            "mddr.",
            "mvdr.",
            "bc.",
            "bc",
            "phdr.",
            "rndr.",
            "paeddr.",
            "thdr.",
            "pharmdr.",
            "doc.",
            "prof.",
            "mga.",
            "dr.",
            "arch.",
            "rsdr.");

    /**
     * Words after which capitalised words are a brand, a model, a place or an organisation: "zn. Zoraki", "obcí
     * Petrov", "ulici Nerudova", "v Praze", "ÚO Benešov", "HZS Středočeského kraje".
     */
    private static final Set<String> NOT_A_NAME_AFTER = Set.of(
            "zn.",
            "zn",
            "značky",
            "značka",
            "značce",
            "výrobce",
            "výr.",
            "model",
            "vzor",
            "typ",
            "tov.",
            "vz.",
            "mod.",
            "ráže",
            "obcí",
            "obce",
            "obec",
            "městem",
            "města",
            "město",
            "městysem",
            "městyse",
            "obvodu",
            "obvod",
            "okres",
            "okresu",
            "okresní",
            "kraj",
            "kraje",
            "hl.",
            "k.ú.",
            "katastrální",
            "ulice",
            "ulici",
            "ul.",
            "ul",
            "náměstí",
            "nám.",
            "třída",
            "třídě",
            "zastávka",
            "společností",
            "společnost",
            "společnosti",
            "firma",
            "firmou",
            "firmy",
            "sv.",
            "svatého",
            "svaté",
            "v",
            "ve",
            "na",
            "do",
            "z",
            "ze",
            "u",
            "od",
            "k",
            "ke",
            "úo",
            "hzs");

    /**
     * Words that make the capitalised words after them, or among them, the name of an institution, an event or a
     * place, however much they look like a person's: "Gymnázium Josefa Ressela", "Obec Zdislava", "Sokol Brozany".
     */
    private static final Set<String> INSTITUTIONS = Set.of(
            "MĚSTO",
            "OBEC",
            "MĚSTYS",
            "OBVOD",
            "KRAJ",
            "ŠKOLA",
            "GYMNÁZIUM",
            "UNIVERZITA",
            "NADACE",
            "NEMOCNICE",
            "DIVADLO",
            "MUZEUM",
            "KNIHOVNA",
            "DOMOV",
            "CENTRUM",
            "INSTITUT",
            "ÚSTAV",
            "FAKULTA",
            "SPOLEK",
            "SDRUŽENÍ",
            "SPOLEČNOST",
            "ZÁMEK",
            "ULICE",
            "NÁMĚSTÍ",
            "TŘÍDA",
            "NÁBŘEŽÍ",
            "SADY",
            "PARK",
            "MOST",
            "STADION",
            "HALA",
            "KOSTEL",
            "CHRÁM",
            "KAPLE",
            "SOKOL",
            "TJ",
            "SK",
            "FK",
            "HC",
            "KLUB",
            "JEDNOTA",
            "SVAZ",
            "ENSEMBLE",
            "ORCHESTR",
            "SBOR",
            "HOTEL",
            "PENZION",
            "RESTAURACE",
            "KAVÁRNA",
            "STATUTÁRNÍ",
            "GROUP",
            "COMPANY",
            "INC",
            "GMBH",
            "LTD",
            "SPRÁVA",
            "AGENTURA",
            "HOLDING",
            "TRADING",
            "SERVIS",
            "SERVICE",
            "CONSULTING",
            "FESTIVAL",
            "SOUTĚŽ",
            "CENA",
            "MEMORIÁL",
            "POHÁR",
            "TURNAJ",
            "ZŠ",
            "MŠ",
            "SŠ",
            "VOŠ",
            "ZUŠ",
            "SOU");

    /** Capitalised words that start the titles of notices, and degrees, that never belong to a name. */
    private static final Set<String> NEVER_A_NAME = Set.of(
            "VÝZVA",
            "OZNÁMENÍ",
            "SDĚLENÍ",
            "INFORMACE",
            "VEŘEJNÁ",
            "VYHLÁŠKA",
            "ROZHODNUTÍ",
            "USNESENÍ",
            "OPATŘENÍ",
            "NÁLEZ",
            "VYHLÁŠENÍ",
            "JMENOVÁNÍ",
            "NOMINACE",
            "DODATEK",
            "SMLOUVA",
            "PETICE",
            "PODATELNA",
            "VÝROČNÍ",
            "ZPRÁVA",
            "ROČNÍ",
            "ÚŘEDNÍ",
            "DESKA",
            "DORUČENÍ",
            "DORUČENKA",
            "UPOZORNĚNÍ",
            "POZVÁNKA",
            "ZÁMĚR",
            "ŽÁDOST",
            "NÁVRH",
            "PŘÍLOHA",
            "DOKUMENT",
            "SOUBOR",
            "SEZNAM");

    private static final Pattern ORGANISATION_NEXT = Pattern.compile(
            "^\\s*,?\\s*(?:a\\s+spol|o\\.\\s?s\\.|s\\.\\s?r\\.\\s?o|spol\\.|a\\.\\s?s\\.|s\\.\\s?p\\.|v\\.\\s?o\\.\\s?s\\."
                    + "|k\\.\\s?s\\.|o\\.\\s?p\\.\\s?s\\.|z\\.\\s?s\\.|z\\.\\s?ú\\.|Corporation|GmbH|Ltd|Inc|kraje)");
    private static final Pattern ORGANISATION_IN_CLAUSE = Pattern.compile("s\\.\\s?r\\.\\s?o|a\\.\\s?s\\.|spol\\.");
    private static final Pattern CLAUSE_END = Pattern.compile("\\s[-–]\\s|,\\s|;|\\(|\\)");
    private static final Pattern BIRTH_NEXT = Pattern.compile(
            "^\\s*[,(]?\\s*(?:nar\\.|narozen|roč\\.|ročník|r\\.\\s?nar\\.|\\*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOUSE_NUMBER_NEXT = Pattern.compile("^\\s*(?:č\\.\\s?p\\.\\s*)?\\d");
    private static final Pattern NOT_LETTERS = Pattern.compile("[\\W\\d_]+");

    static boolean neverAName(Token token) {
        return NEVER_A_NAME.contains(token.word());
    }

    /** Whether an addressee cue stands before token {@code at}, with only separators between. */
    static boolean addresseeBefore(List<Token> tokens, int at) {
        int k = at - 1;
        while (k >= 0 && BETWEEN_CUE_AND_NAME.contains(tokens.get(k).lower())) {
            k--;
        }
        return k >= 0 && ADDRESSEE.contains(tokens.get(k).lower());
    }

    static boolean academicTitleBefore(List<Token> tokens, int at) {
        Token last = lastWordBefore(tokens, at);
        return last != null && ACADEMIC_TITLES.contains(last.lower());
    }

    /** A word that makes what follows a brand, a place or an organisation, unless a separator stands between. */
    static boolean notANameBefore(List<Token> tokens, int at) {
        Token last = lastWordBefore(tokens, at);
        if (last == null || !NOT_A_NAME_AFTER.contains(last.lower())) {
            return false;
        }
        String directly = tokens.get(at - 1).text();
        return !(directly.equals("-") || directly.equals("–") || directly.equals(","));
    }

    /** An institution word among the three tokens before {@code at} or among the run's words. */
    static boolean institution(List<Token> tokens, int from, int to) {
        for (int i = Math.max(0, from - 3); i < to; i++) {
            if (INSTITUTIONS.contains(tokens.get(i).word())) {
                return true;
            }
        }
        return false;
    }

    static boolean numberBefore(List<Token> tokens, int at) {
        return at > 0 && tokens.get(at - 1).number();
    }

    static boolean proBefore(List<Token> tokens, int at) {
        return at > 0 && tokens.get(at - 1).lower().equals("pro");
    }

    /** The legal form of a company follows, at once or later in the same clause ("Nexen Tire Europe s. r. o."). */
    static boolean organisationNext(String rest) {
        String clause = CLAUSE_END.split(rest, 2)[0];
        return ORGANISATION_NEXT.matcher(rest).find()
                || ORGANISATION_IN_CLAUSE.matcher(clause).find();
    }

    /** A year or date of birth follows: "Dmytro KICHURCHAK, roč. 2005". */
    static boolean birthNext(String rest) {
        return BIRTH_NEXT.matcher(rest).find();
    }

    /** A house number follows, so the words are a street: "Nerudova č.p. 1158", "Dr. Farského 300". */
    static boolean houseNumberNext(String rest) {
        return HOUSE_NUMBER_NEXT.matcher(rest).find();
    }

    /** Whether the text is only the run, perhaps with a file extension: "PAVEL DVOŘÁK", "SUN Shengguang.pdf". */
    static boolean wholeValue(String text, Token first, Token last) {
        String rest = text.substring(0, first.start()) + text.substring(last.end());
        String letters = NOT_LETTERS.matcher(rest).replaceAll("").toLowerCase(java.util.Locale.ROOT);
        return letters.isEmpty() || letters.equals("pdf") || letters.equals("doc") || letters.equals("docx");
    }

    private static Token lastWordBefore(List<Token> tokens, int at) {
        for (int k = at - 1; k >= Math.max(0, at - 4); k--) {
            Token token = tokens.get(k);
            if (!PUNCTUATION.contains(token.text())) {
                return token;
            }
        }
        return null;
    }
}
