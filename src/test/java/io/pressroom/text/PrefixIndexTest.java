package io.pressroom.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrefixIndexTest {

  record Author(String handle, String name) {}

  private static final List<Author> RANKED =
      List.of(
          new Author("rustacean", "ada lovelace"),
          new Author("linus", "linus t"),
          new Author("ada", "ada"),
          new Author("kernelhacker", "rudolf"),
          new Author("zed", "rust fan"));

  private static PrefixIndex<Author> index(List<Author> authors) {
    return PrefixIndex.of(authors, a -> List.of(a.handle(), a.name()));
  }

  @Test
  void findsItemsByTheBeginningOfAnyKeyInRankOrderOnce() {
    PrefixIndex<Author> index = index(RANKED);
    // "ada" begins a name of the first and both keys of the third: each once, in rank order.
    assertThat(index.first("ada", 10)).containsExactly(RANKED.get(0), RANKED.get(2));
    assertThat(index.first("ru", 10)).containsExactly(RANKED.get(0), RANKED.get(3), RANKED.get(4));
    assertThat(index.first("ru", 2)).containsExactly(RANKED.get(0), RANKED.get(3));
    assertThat(index.first("rust", 10)).containsExactly(RANKED.get(0), RANKED.get(4));
    assertThat(index.first("linus t", 10)).containsExactly(RANKED.get(1));
    assertThat(index.first("x", 10)).isEmpty();
    assertThat(index.first("zz", 10)).isEmpty();
    assertThat(index.first("", 3)).containsExactly(RANKED.get(0), RANKED.get(1), RANKED.get(2));
  }

  @Test
  void answersAsFilteringEveryItemInOrderWould() {
    Random random = new Random(14);
    String letters = "abcr";
    List<Author> authors = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      authors.add(new Author(word(random, letters), word(random, letters)));
    }
    PrefixIndex<Author> index = index(authors);
    for (int i = 0; i < 300; i++) {
      String prefix = word(random, letters).substring(0, 1 + random.nextInt(3));
      int limit = 1 + random.nextInt(8);
      List<Author> expected =
          authors.stream()
              .filter(a -> a.handle().startsWith(prefix) || a.name().startsWith(prefix))
              .limit(limit)
              .toList();
      assertThat(index.first(prefix, limit)).as(prefix + " " + limit).isEqualTo(expected);
    }
  }

  private static String word(Random random, String letters) {
    StringBuilder word = new StringBuilder();
    for (int i = 0, n = 3 + random.nextInt(4); i < n; i++) {
      word.append(letters.charAt(random.nextInt(letters.length())));
    }
    return word.toString();
  }
}
