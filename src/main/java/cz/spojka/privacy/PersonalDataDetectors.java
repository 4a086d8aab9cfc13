package cz.spojka.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every detector over one text value: the names first, since an address is recognised next to a name. */
public final class PersonalDataDetectors {

    private final NameDetector names;
    private final AddressDetector addresses = new AddressDetector();
    private final List<TextDetector> others = List.of(
            new BirthNumberDetector(),
            new BirthDateDetector(),
            new EmailDetector(),
            new PhoneDetector(),
            new BankAccountDetector(),
            new VehicleRegistrationDetector());

    public PersonalDataDetectors(NameLexicon lexicon) {
        this.names = new NameDetector(lexicon);
    }

    /** The findings in {@code text}, in order; where two overlap, the longer one is kept. */
    public List<Finding> find(String text) {
        List<Finding> all = new ArrayList<>(names.find(text));
        all.addAll(addresses.find(text, all));
        others.forEach(detector -> all.addAll(detector.find(text)));
        return withoutOverlaps(all);
    }

    static List<Finding> withoutOverlaps(List<Finding> findings) {
        List<Finding> byLength = new ArrayList<>(findings);
        byLength.sort(
                Comparator.comparingInt((Finding f) -> f.end() - f.start()).reversed());
        List<Finding> kept = new ArrayList<>();
        for (Finding finding : byLength) {
            if (kept.stream().noneMatch(finding::overlaps)) {
                kept.add(finding);
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return kept;
    }
}
