package io.pressroom.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.util.BytesRef;

/**
 * Where the words of a query stand in one field of the articles of a page, from the postings. The
 * highlighter asks article by article, in increasing document order; Lucene's strategy then looks
 * every word up again for each article (a new terms enumerator, a seek, a new postings reader that
 * decodes its first block: a seventh of a common word's search). Here each word is looked up once
 * per segment and its postings only move forward from one article to the next.
 */
final class PageOffsets extends PostingsOffsetStrategy {

  /** The field's terms in the segment the postings below are from. */
  private Terms terms;

  /** The postings of each word, at or before the article last asked for; null where none. */
  private PostingsEnum[] postings;

  private int lastDoc = -1;

  PageOffsets(UHComponents components) {
    super(components);
  }

  @Override
  protected void createOffsetsEnumsForTerms(
      BytesRef[] words, Terms field, int doc, List<OffsetsEnum> results) throws IOException {
    if (field != terms || doc <= lastDoc || postings.length != words.length) {
      // Another segment, or (never seen, but then the postings could not go back) an earlier one.
      lookUp(words, field);
    }
    lastDoc = doc;
    for (int i = 0; i < words.length; i++) {
      PostingsEnum word = postings[i];
      if (word != null && (word.docID() < doc ? word.advance(doc) : word.docID()) == doc) {
        results.add(new OffsetsEnum.OfPostings(words[i], word));
      }
    }
  }

  private void lookUp(BytesRef[] words, Terms field) throws IOException {
    terms = field;
    postings = new PostingsEnum[words.length];
    TermsEnum enumerator = field.iterator();
    for (int i = 0; i < words.length; i++) {
      if (enumerator.seekExact(words[i])) {
        postings[i] = enumerator.postings(null, PostingsEnum.OFFSETS);
        if (postings[i] == null) {
          throw new IllegalArgumentException(
              "field '" + getField() + "' was indexed without offsets, cannot highlight");
        }
      }
    }
  }
}
