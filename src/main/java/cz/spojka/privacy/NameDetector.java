package cz.spojka.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds names of natural persons, Czech and foreign, in either order ("Jan NOVÁK", "NOVÁK Jan", "Natálie
 * Putíková"), alone or in lists ("Chadimová, Stiegler, Herrmann").
 *
 * <p>A run of capitalised words is a name when the words around it say so (a document delivered to its addressee, an
 * academic title, a year of birth after it), or when its words are known given names and surnames, or follow the
 * official convention of a surname in capitals next to a given name. It is not a name when the words around it make it
 * a brand, a place, a street, an organisation or an institution named after a person ({@link NameCues}), or when it
 * is the name of a municipality.
 */
public final class NameDetector implements TextDetector {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final NameLexicon lexicon;

    public NameDetector(NameLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** A run of name-like tokens, {@code from} inclusive, {@code to} exclusive. */
    private record Run(int from, int to) {}

    @Override
    public List<Finding> find(String text) {
        List<Token> tokens = Token.of(text);
        List<Run> runs = runs(tokens);
        Set<Run> names = new HashSet<>();
        Set<Run> notNames = new HashSet<>();
        for (Run run : runs) {
            Evidence evidence = evidence(text, tokens, run);
            if (evidence.vetoed() || evidence.place()) {
                notNames.add(run);
            }
            if (!evidence.vetoed() && evidence.name()) {
                names.add(run);
            }
        }
        names.addAll(lists(tokens, runs, names, notNames));
        TreeSet<Run> ordered = new TreeSet<>(Comparator.comparingInt(Run::from));
        ordered.addAll(names);
        List<Finding> findings = new ArrayList<>();
        for (Run run : ordered) {
            findings.add(Finding.in(
                    text,
                    PersonalDataKind.NAME,
                    tokens.get(run.from()).start(),
                    tokens.get(run.to() - 1).end()));
        }
        return findings;
    }

    /** Whether a word could be part of a name: one of its tokens would start or continue a run. */
    private boolean nameLike(Token token) {
        if (token.abbreviation() || NameCues.neverAName(token)) {
            return false;
        }
        return switch (token.shape()) {
            case TITLE -> true;
            // Three capitals or fewer are an acronym (HZS, ÚO, MV), unless they are a known name (LI, KIM, SUN).
            case UPPER -> token.letters() > 3 || lexicon.givenName(token.word()) || lexicon.surname(token.word());
            case OTHER -> false;
        };
    }

    /** After an addressee cue any capitalised word continues the name, acronym-like or not ("DAS Sumanta", "D URSO"). */
    private boolean nameLike(List<Token> tokens, int at, int runStart) {
        Token token = tokens.get(at);
        if (nameLike(token)) {
            return true;
        }
        return !token.abbreviation()
                && !NameCues.neverAName(token)
                && (token.shape() == Token.Shape.UPPER || token.initial())
                && NameCues.addresseeBefore(tokens, runStart);
    }

    private List<Run> runs(List<Token> tokens) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (nameLike(tokens, i, i)) {
                int j = i;
                while (j < tokens.size() && nameLike(tokens, j, i)) {
                    j++;
                }
                runs.add(new Run(i, j));
                i = j;
            } else {
                i++;
            }
        }
        return runs;
    }

    private Evidence evidence(String text, List<Token> tokens, Run run) {
        List<Token> words = tokens.subList(run.from(), run.to());
        Token first = words.get(0);
        Token last = words.get(words.size() - 1);
        String rest = text.substring(last.end());
        int given = 0;
        int surnames = 0;
        int givenTitle = 0;
        int surnameTitle = 0;
        int surnameUpper = 0;
        boolean upper = false;
        boolean title = false;
        boolean onlyPlace = false;
        for (Token word : words) {
            boolean isGiven = lexicon.givenName(word.word());
            boolean isSurname = lexicon.surname(word.word());
            boolean isTitle = word.shape() == Token.Shape.TITLE;
            given += isGiven ? 1 : 0;
            surnames += isSurname ? 1 : 0;
            givenTitle += isGiven && isTitle ? 1 : 0;
            surnameTitle += isSurname && isTitle ? 1 : 0;
            surnameUpper += isSurname && word.shape() == Token.Shape.UPPER ? 1 : 0;
            upper |= word.shape() == Token.Shape.UPPER;
            title |= isTitle;
            onlyPlace |= lexicon.onlyPlace(word.word());
        }
        boolean addressee = NameCues.addresseeBefore(tokens, run.from());
        // One word after "rozhodnutí:" is a common noun ("Prodloužení") or an acronym ("ČOV") unless it is a known
        // name or a surname in capitals ("TALPA").
        if (addressee && words.size() == 1 && given + surnames == 0 && !(upper && first.letters() > 3)) {
            addressee = false;
        }
        String joined =
                SPACES.matcher(text.substring(first.start(), last.end())).replaceAll(" ");
        return new Evidence(
                addressee,
                addressee || NameCues.academicTitleBefore(tokens, run.from()),
                NameCues.notANameBefore(tokens, run.from())
                        || NameCues.organisationNext(rest)
                        || NameCues.institution(tokens, run.from(), run.to())
                        || NameCues.numberBefore(tokens, run.from())
                        || (NameCues.houseNumberNext(rest) && !addressee),
                NameCues.birthNext(rest),
                lexicon.placePhrase(joined) || onlyPlace,
                NameCues.proBefore(tokens, run.from()),
                words.size(),
                given,
                surnames,
                upper && title,
                upper && !title,
                givenTitle,
                surnameTitle,
                surnameUpper,
                // Only a run in capitals asks, and it is rare: spare the others the work.
                upper && !title && NameCues.wholeValue(text, first, last));
    }

    /**
     * Items of a list ("Jaroslav Strouhal, Ing. Tomáš Hampl"; "PRYSIAZHNIUK, DUDLA, NEKLESA, NAZARUK") separated by
     * commas and "a": the items after a name are names too, and a list of known surnames is a list of names.
     */
    private Set<Run> lists(List<Token> tokens, List<Run> runs, Set<Run> names, Set<Run> notNames) {
        Set<Run> found = new HashSet<>();
        List<Run> list = new ArrayList<>();
        for (int i = 0; i <= runs.size(); i++) {
            Run run = i < runs.size() ? runs.get(i) : null;
            if (run != null && !list.isEmpty() && listSeparator(tokens, list.get(list.size() - 1), run)) {
                list.add(run);
                continue;
            }
            if (list.size() >= 2) {
                boolean startsWithName = names.contains(list.get(0));
                boolean knownSurnames = list.stream().allMatch(item -> knownSurname(tokens, item));
                if (startsWithName || knownSurnames) {
                    list.stream()
                            .filter(item -> !notNames.contains(item) && !phraseStart(tokens, item))
                            .forEach(found::add);
                }
            }
            list.clear();
            if (run != null) {
                list.add(run);
            }
        }
        return found;
    }

    /** A capitalised word that a lower-case word follows starts a phrase: "Martin Sýkora, Opravy prádelenského…". */
    private static boolean phraseStart(List<Token> tokens, Run item) {
        if (item.to() >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(item.to());
        return next.shape() == Token.Shape.OTHER
                && Character.isLowerCase(next.text().charAt(0))
                && !next.text().equals("a");
    }

    private static boolean listSeparator(List<Token> tokens, Run previous, Run next) {
        List<String> between = tokens.subList(previous.to(), next.from()).stream()
                .map(Token::text)
                .toList();
        return between.equals(List.of(",")) || between.equals(List.of("a")) || between.equals(List.of(",", "a"));
    }

    private boolean knownSurname(List<Token> tokens, Run item) {
        Token word = tokens.get(item.from());
        return item.to() - item.from() == 1 && lexicon.surname(word.word()) && !lexicon.onlyPlace(word.word());
    }

    /** What a run's words and the text around them say about it. */
    private record Evidence(
            boolean addressee,
            boolean cue,
            boolean vetoed,
            boolean birthNext,
            boolean place,
            boolean proBefore,
            int words,
            int given,
            int surnames,
            boolean mixedCase,
            boolean allUpper,
            int givenTitle,
            int surnameTitle,
            int surnameUpper,
            boolean wholeValue) {

        /** Decided in order: the cues around the run first, then its words. */
        boolean name() {
            if (cue || birthNext) {
                return !place || cue;
            }
            if (place) {
                return false;
            }
            if (proBefore && given >= 1 && words >= 2) {
                return true;
            }
            if (allUpper) {
                // A heading or a brand in capitals is far likelier than a name, unless the value is only the name.
                return words >= 2 && words <= 4 && given >= 1 && surnames >= 1 && wholeValue;
            }
            if (words >= 2 && given >= 1) {
                return true;
            }
            return mixedCase && words <= 5 && (givenTitle >= 1 || (surnameUpper >= 1 && surnameTitle >= 1));
        }
    }
}
