package cz.spojka.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The word lists the name detector looks words up in: given names, surnames and municipality names, bundled under
 * {@code cz/spojka/privacy/} (their sources and licence status are in the README there).
 */
public final class NameLexicon {

    private final Set<String> givenNames;
    private final Set<String> surnames;
    private final Set<String> municipalityWords = new HashSet<>();
    private final Set<String> placePhrases = new HashSet<>();

    NameLexicon(Set<String> givenNames, Set<String> surnames, Set<String> municipalities) {
        this.givenNames = givenNames;
        this.surnames = surnames;
        for (String name : municipalities) {
            placePhrases.add(name);
            if (!name.contains(" ")) {
                municipalityWords.add(name.toUpperCase(Locale.ROOT));
            }
            // "Brandýs nad Labem-Stará Boleslav" is also written as its parts.
            for (String part : name.split("-")) {
                if (part.strip().contains(" ")) {
                    placePhrases.add(part.strip());
                }
            }
        }
    }

    /** The bundled lists. */
    public static NameLexicon bundled() {
        return new NameLexicon(read("given-names.txt"), read("surnames.txt"), read("municipalities.txt"));
    }

    /** @param word upper case, as {@link Token#word()} gives it */
    boolean givenName(String word) {
        return givenNames.contains(word);
    }

    /** @param word upper case */
    boolean surname(String word) {
        return surnames.contains(word);
    }

    /**
     * Whether a word is the name of a municipality and nothing else: neither a given name nor a surname (many Czech
     * surnames are town names: Kolín, Slaný).
     *
     * @param word upper case
     */
    boolean onlyPlace(String word) {
        return municipalityWords.contains(word) && !givenName(word) && !surname(word);
    }

    /** Whether words written as in a text ("Nový Jičín", "Stará Boleslav") name a municipality or part of one. */
    boolean placePhrase(String words) {
        return placePhrases.contains(words);
    }

    private static Set<String> read(String file) {
        String resource = "/cz/spojka/privacy/" + file;
        try (InputStream in = NameLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The word list " + resource + " is missing from the classpath");
            }
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line -> !line.isBlank())
                    .forEach(words::add);
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the word list " + resource, e);
        }
    }
}
