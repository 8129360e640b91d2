package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {

  private static final String TEXT = "One sentence. Then \"a quoted one!\" And a third? Last one";

  @Test
  void breaksWhereASentenceEndsAndTheNextBegins() {
    assertThat(forward(TEXT)).containsExactly(0, 14, 35, 48, TEXT.length());
  }

  @Test
  void cutsAsTheJdkSentenceIteratorDoesForPlainText() {
    BreakIterator jdk = BreakIterator.getSentenceInstance();
    assertThat(forward(TEXT)).isEqualTo(forward(jdk, TEXT));
  }

  @Test
  void precedingAndFollowingFindTheSentenceAroundAnOffset() {
    BreakIterator breaks = new SentenceBreaks();
    breaks.setText(TEXT);
    int inThird = TEXT.indexOf("third");
    assertThat(breaks.preceding(inThird)).isEqualTo(35);
    assertThat(breaks.following(inThird)).isEqualTo(48);
    assertThat(breaks.preceding(14)).isEqualTo(0);
    assertThat(breaks.following(14)).isEqualTo(35);
    assertThat(breaks.preceding(0)).isEqualTo(BreakIterator.DONE);
    assertThat(breaks.following(TEXT.length())).isEqualTo(BreakIterator.DONE);
    assertThat(breaks.isBoundary(35)).isTrue();
    assertThat(breaks.isBoundary(36)).isFalse();
  }

  @Test
  void aDotInsideAWordIsNoSentenceEnd() {
    assertThat(forward("Version 3.5 is out. Yes")).containsExactly(0, 20, 23);
  }

  @Test
  void anEmptyTextHasOnlyItsStart() {
    assertThat(forward("")).containsExactly(0);
  }

  @Test
  void aLineBreakEndsASentenceToo() {
    String list = "Reasons\n- faster builds\n- fewer locks";
    assertThat(forward(list)).containsExactly(0, 8, 24, list.length());
  }

  @Test
  void wideSpacesSeparateSentencesAsASpaceDoes() {
    // The ideographic space and the ogham space mark are white space past the Latin ones.
    String text = "First one.\u3000Second one.\u1680Third";
    assertThat(forward(text)).containsExactly(0, 11, 23, text.length());
  }

  @Test
  void cjkFullStopsEndSentencesWithoutASpace() {
    String text = "第一句。第二句！第三句";
    assertThat(forward(text)).containsExactly(0, 4, 8, text.length());
  }

  @Test
  void aTextWithoutAnySentenceEndIsCutAtAWordStartNotAtItsEnd() {
    String text = "word ".repeat(2_000);
    BreakIterator breaks = new SentenceBreaks();
    breaks.setText(text);
    int middle = text.length() / 2;

    int after = breaks.following(middle);
    int before = breaks.preceding(middle);

    assertThat(after - middle).isBetween(1, SentenceBreaks.LONGEST_SENTENCE + 5);
    assertThat(middle - before).isBetween(1, SentenceBreaks.LONGEST_SENTENCE + 5);
    assertThat(text.charAt(after - 1)).isEqualTo(' ');
    assertThat(text.charAt(before - 1)).isEqualTo(' ');
  }

  private static List<Integer> forward(String text) {
    return forward(new SentenceBreaks(), text);
  }

  private static List<Integer> forward(BreakIterator breaks, String text) {
    breaks.setText(text);
    List<Integer> all = new ArrayList<>();
    for (int at = breaks.first(); at != BreakIterator.DONE; at = breaks.next()) {
      all.add(at);
    }
    return all;
  }
}
