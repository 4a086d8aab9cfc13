package cz.spojka.privacy;

import cz.spojka.mapping.Entities;
import cz.spojka.mapping.Entity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * Looks for personal data in a mapped entity and applies the dataset's policy before anything of it is gated,
 * compared or published.
 *
 * <p>The detectors read every text value of the entity. Whatever they find is then looked for again in its other text
 * values and in the addresses of its links, where the same name often recurs without the words that gave it away (a
 * document named "SVADEBA Ruslan.pdf", a web page ".../oznameni-o-moznosti-prevzeti-pisemnosti-natalie-putikova.aspx").
 * Under {@code redact} and {@code pseudonymise} every finding in a text is replaced, and a link whose address carries
 * one is dropped: an address cannot be redacted without breaking it. Under {@code hold}, and under any policy when the
 * entity's own IRI carries personal data (an identity cannot be redacted), the entity is held for review.
 */
public final class PersonalDataGuard {

    // Built from Jena's string constants: touching RDF.langString in a static initializer before Jena has initialised
    // itself fails with an ExceptionInInitializerError (docs/pitfalls.md).
    private static final String XSD_STRING = XSDDatatype.XSD + "#string";
    private static final String XSD_ANY_URI = XSDDatatype.XSD + "#anyURI";
    private static final String LANG_STRING = RDF.uri + "langString";

    private final PersonalDataDetectors detectors;
    private final NameLexicon lexicon;
    private final Pseudonyms pseudonyms;

    public PersonalDataGuard(NameLexicon lexicon, Pseudonyms pseudonyms) {
        this.detectors = new PersonalDataDetectors(lexicon);
        this.lexicon = lexicon;
        this.pseudonyms = pseudonyms;
    }

    /** @param policy {@code redact}, {@code pseudonymise} or {@code hold} */
    public Guarded inspect(Entity entity, PrivacyPolicy policy) {
        List<Triple> triples = entity.graph().find().toList();
        Map<String, List<Finding>> detected = new HashMap<>();
        for (Triple triple : triples) {
            if (text(triple.getObject())) {
                detected.computeIfAbsent(triple.getObject().getLiteralLexicalForm(), detectors::find);
            }
        }
        List<Finding> found = detected.values().stream().flatMap(List::stream).toList();
        if (found.isEmpty()) {
            return Guarded.clean(entity);
        }
        PersonalValues values = new PersonalValues(found, lexicon);
        Graph published = GraphFactory.createDefaultGraph();
        List<EntityFinding> findings = new ArrayList<>();
        Set<Node> subjects = new HashSet<>();
        boolean identityCarriesData = false;
        for (Triple triple : triples) {
            Node subject = triple.getSubject();
            if (subject.isURI() && subjects.add(subject)) {
                identityCarriesData |= !values.in(subject.getURI()).isEmpty();
            }
            Node object = triple.getObject();
            String property = triple.getPredicate().getURI();
            if (text(object)) {
                String text = object.getLiteralLexicalForm();
                List<Finding> inText = new ArrayList<>(detected.get(text));
                inText.addAll(values.in(text));
                inText = PersonalDataDetectors.withoutOverlaps(inText);
                inText.forEach(f -> findings.add(new EntityFinding(f.kind(), f.value(), property, false)));
                published.add(inText.isEmpty() ? triple : replaced(triple, inText, policy));
            } else if (link(object)) {
                List<Finding> inLink = values.in(object.isURI() ? object.getURI() : object.getLiteralLexicalForm());
                inLink.forEach(f -> findings.add(new EntityFinding(f.kind(), f.value(), property, true)));
                if (inLink.isEmpty()) {
                    published.add(triple);
                }
            } else {
                published.add(triple);
            }
        }
        int count = findings.size();
        if (policy == PrivacyPolicy.HOLD || identityCarriesData) {
            return new Guarded(entity, true, findings, new PersonalDataCounts(count, 0, 0, 1));
        }
        PersonalDataCounts counts = policy == PrivacyPolicy.PSEUDONYMISE
                ? new PersonalDataCounts(count, 0, count, 0)
                : new PersonalDataCounts(count, count, 0, 0);
        return new Guarded(Entities.withGraph(entity, published), false, findings, counts);
    }

    private Triple replaced(Triple triple, List<Finding> findings, PrivacyPolicy policy) {
        Node literal = triple.getObject();
        StringBuilder text = new StringBuilder(literal.getLiteralLexicalForm());
        for (int i = findings.size() - 1; i >= 0; i--) {
            Finding finding = findings.get(i);
            String replacement = policy == PrivacyPolicy.PSEUDONYMISE ? pseudonyms.of(finding) : Pseudonyms.REDACTED;
            text.replace(finding.start(), finding.end(), replacement);
        }
        String language = literal.getLiteralLanguage();
        Node replaced = language.isEmpty()
                ? NodeFactory.createLiteralDT(text.toString(), literal.getLiteralDatatype())
                : NodeFactory.createLiteralLang(text.toString(), language);
        return Triple.create(triple.getSubject(), triple.getPredicate(), replaced);
    }

    private static boolean text(Node node) {
        if (!node.isLiteral()) {
            return false;
        }
        String datatype = node.getLiteralDatatypeURI();
        return XSD_STRING.equals(datatype) || LANG_STRING.equals(datatype);
    }

    private static boolean link(Node node) {
        return node.isURI() || (node.isLiteral() && XSD_ANY_URI.equals(node.getLiteralDatatypeURI()));
    }
}
