package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class PassageScoresTest {

  @Test
  void scoresEveryPassageExactlyAsLucenesScorer() {
    String[] words = {"kernel", "patch", "memory", "kernel", "allocator", "patch", "kernel"};
    for (int start = 0; start < 3000; start += 370) {
      for (int matches = 0; matches <= words.length; matches++) {
        Passage passage = new Passage();
        passage.setStartOffset(start);
        passage.setEndOffset(start + 160);
        for (int i = 0; i < matches; i++) {
          passage.addMatch(start + 10 * i, start + 10 * i + 6, new BytesRef(words[i]), 1 + i);
        }
        assertThat(new PassageScores().score(passage, 4000))
            .isEqualTo(new PassageScorer().score(passage, 4000));
      }
    }
  }
}
