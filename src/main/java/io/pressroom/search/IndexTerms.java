package io.pressroom.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/** What a reader of the index has of the words a query names ({@link SearchQueries.Terms}). */
final class IndexTerms {

  private IndexTerms() {}

  /** The words of the articles' text fields ({@link SearchFields#WORDS}): what searches match. */
  static SearchQueries.Terms words(IndexReader reader) {
    return terms(
        term -> docFreq(reader, SearchFields.WORDS, term) > 0,
        beginning -> anyBegins(reader, SearchFields.WORDS, beginning));
  }

  /**
   * The words of the titles, each one's beginnings kept as terms ({@link
   * SearchFields#TITLE_BEGINNINGS}): what suggestions match.
   */
  static SearchQueries.Terms titleWords(IndexReader reader) {
    return terms(
        term -> docFreq(reader, SearchFields.TITLE, term) > 0,
        beginning -> docFreq(reader, SearchFields.TITLE_BEGINNINGS, beginning) > 0);
  }

  private static SearchQueries.Terms terms(Predicate<String> indexed, Predicate<String> begun) {
    return new SearchQueries.Terms() {
      @Override
      public boolean indexed(String term) {
        return indexed.test(term);
      }

      @Override
      public boolean begun(String beginning) {
        return begun.test(beginning);
      }
    };
  }

  private static int docFreq(IndexReader reader, String field, String term) {
    try {
      return reader.docFreq(new Term(field, term));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a term of {@code field} in some segment begins with {@code beginning}. */
  private static boolean anyBegins(IndexReader reader, String field, String beginning) {
    BytesRef prefix = new BytesRef(beginning);
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms terms = leaf.reader().terms(field);
        if (terms == null) {
          continue;
        }
        TermsEnum enumerator = terms.iterator();
        if (enumerator.seekCeil(prefix) != TermsEnum.SeekStatus.END
            && StringHelper.startsWith(enumerator.term(), prefix)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
