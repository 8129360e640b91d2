package io.pressroom.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (the same BM25-like sum over the passage's distinct words, then its norm)
 * without the {@code BytesRefHash} Lucene's scorer builds for every passage it scores: that hash
 * takes a 32 KB block each time, and the sentences of every matching body scored so made a quarter
 * of all the memory a search allocated. A passage has a few matches, so a linear scan finds them.
 */
final class PassageScores extends PassageScorer {

  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    // First occurrence of each distinct word, in order, and how often it occurs in the passage.
    int[] first = new int[matches];
    int[] freqs = new int[matches];
    int distinct = 0;
    for (int i = 0; i < matches; i++) {
      int found = -1;
      for (int d = 0; d < distinct; d++) {
        if (terms[first[d]].equals(terms[i])) {
          found = d;
          break;
        }
      }
      if (found < 0) {
        found = distinct++;
        first[found] = i;
      }
      freqs[found]++;
    }
    // Summed in a double in first-seen order, as Lucene's scorer does, so ties break alike.
    double score = 0;
    for (int d = 0; d < distinct; d++) {
      score += tf(freqs[d], passage.getLength()) * weight(contentLength, freqsInDoc[first[d]]);
    }
    score *= norm(passage.getStartOffset());
    return (float) score;
  }
}
