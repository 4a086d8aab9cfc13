package cz.spojka.store;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cz.CzechStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How titles and labels are cut into search terms, and queries too: words in lower case, reduced by Lucene's light
 * Czech stemmer (so "smlouva", "smlouvy" and "smlouvě" meet) and then stripped of diacritics (so "usneseni" finds
 * "usnesení", as people type on a keyboard without Czech layout). Wildcard and prefix terms ({@code usnes*}) are
 * only lower-cased and stripped, never stemmed.
 */
final class CzechTextAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer words = new StandardTokenizer();
        TokenStream terms = new ASCIIFoldingFilter(new CzechStemFilter(new LowerCaseFilter(words)));
        return new TokenStreamComponents(words, terms);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
