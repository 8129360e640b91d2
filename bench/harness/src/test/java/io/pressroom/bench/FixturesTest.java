package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixturesTest {

  static Fixtures fullRun() {
    return new Fixtures(
        "linux",
        29305,
        "an-have-futures-their-source-battery-elixir-other-39603",
        "author-1",
        "432",
        2000,
        "eyJrIjpbIjIwMjYtMDEtMDEiLDQyXX0.c2lnbmF0dXJl",
        "memory allocator",
        "6218");
  }

  @Test
  void theCursorGoes2000DeepOr80PercentOfASmallTagInHundreds() {
    assertThat(Fixtures.depth(29305)).isEqualTo(2000);
    assertThat(Fixtures.depth(2500)).isEqualTo(2000);
    assertThat(Fixtures.depth(1000)).isEqualTo(800);
    assertThat(Fixtures.depth(580)).isEqualTo(400);
    assertThat(Fixtures.depth(120)).isEqualTo(100);
    assertThat(Fixtures.depth(0)).isEqualTo(100);
  }

  /** The same run with issue 14's rows: search kinds, suggestions, signed-in readers. */
  static Fixtures withSearches() {
    Fixtures f = fullRun();
    SearchWords words =
        new SearchWords(
            List.of("support", "project", "release", "version"),
            List.of("kakakax", "zokakax", "rikakax", "tukakax"),
            List.of("\"kernel patch\"", "\"memory allocator\""),
            List.of("rust compiler", "cloud storage latency"),
            List.of("kern", "comp"),
            List.of("latency", "rust storage", "\"kernel patch\"", "kern"));
    Map<String, String> totals = new LinkedHashMap<>();
    for (String q : List.of("support", "project", "release", "version")) {
      totals.put(q, "3" + q.length() + "012");
    }
    for (String q : words.rare()) {
      totals.put(q, "10");
    }
    totals.put("\"kernel patch\"", "1412");
    totals.put("\"memory allocator\"", "2210");
    totals.put("rust compiler", "1630");
    totals.put("cloud storage latency", "?");
    totals.put("kern", "24000");
    totals.put("comp", "100+");
    return new Fixtures(
        f.tag(),
        f.tagTotal(),
        f.hot(),
        f.author(),
        f.authorTotal(),
        f.depth(),
        f.cursor(),
        f.query(),
        f.queryTotal(),
        words,
        totals,
        16);
  }

  @Test
  void theRowsInTheReportsOrder() {
    List<Row> rows = withSearches().rows();

    assertThat(rows)
        .extracting(Row::id)
        .containsExactly(
            "detail",
            "tag-first",
            "tag-deep",
            "search",
            "tags",
            "author",
            "feed",
            "search-common",
            "search-rare",
            "search-phrase",
            "search-words",
            "search-prefix",
            "search-varied",
            "search-liked",
            "suggest",
            "signed-detail",
            "signed-tag",
            "writes");
    assertThat(rows.subList(0, 8))
        .extracting(Row::path)
        .containsExactly(
            "/api/v1/articles/an-have-futures-their-source-battery-elixir-other-39603",
            "/api/v1/articles?tag=linux",
            "/api/v1/articles?tag=linux&cursor=eyJrIjpbIjIwMjYtMDEtMDEiLDQyXX0.c2lnbmF0dXJl",
            "/api/v1/articles?q=memory%20allocator",
            "/api/v1/tags",
            "/api/v1/authors/author-1",
            "/feeds/tags/linux.atom",
            "/api/v1/articles?q=support");
    assertThat(rows)
        .extracting(Row::kind)
        .containsExactly(
            Row.Kind.HOT,
            Row.Kind.HOT_MISS,
            Row.Kind.DB,
            Row.Kind.SEARCH,
            Row.Kind.HOT,
            Row.Kind.DB,
            Row.Kind.HOT_MISS,
            Row.Kind.SEARCH,
            Row.Kind.SEARCH,
            Row.Kind.SEARCH,
            Row.Kind.SEARCH,
            Row.Kind.SEARCH,
            Row.Kind.SEARCH,
            Row.Kind.SEARCH,
            Row.Kind.SUGGEST,
            Row.Kind.SIGNED_IN,
            Row.Kind.SIGNED_IN,
            Row.Kind.WRITE);
    assertThat(rows)
        .extracting(Row::ceiling)
        .containsExactly(
            "detail", "list", "list", "list", "tags", "detail", "feed", "list", "list", "list",
            "list", "list", "list", "list", "tags", "detail", "list", "detail");
    assertThat(rows.get(2).label()).isEqualTo("Same tag, 2000 deep");
    assertThat(rows.get(2).note()).isEqualTo("cursor after 2000 of 29305");
    assertThat(rows.get(3).note()).isEqualTo("q=\"memory allocator\", 6218 matches");
    assertThat(rows.get(5).note()).isEqualTo("432 articles");
    assertThat(rows.get(2).shortPath()).isEqualTo("/api/v1/articles?tag=linux&cursor=…");
  }

  @Test
  void theMostLikedRowSearchesTheOtherRowsWordsMostLikedFirst() {
    Row row =
        withSearches().rows().stream().filter(r -> r.id().equals("search-liked")).findFirst().get();

    assertThat(row.label()).isEqualTo("Search, most liked first");
    assertThat(row.paths())
        .hasSize(12)
        .startsWith("/api/v1/articles?q=support&sort=-likes")
        .contains(
            "/api/v1/articles?q=%22kernel%20patch%22&sort=-likes",
            "/api/v1/articles?q=cloud%20storage%20latency&sort=-likes");
    // One of the words was not counted, so neither is the row.
    assertThat(row.note()).isEqualTo("the words of the four rows above, sort=-likes; ? matches");
  }

  @Test
  void theVariedRowRotatesOverEveryQueryItWasGivenAndNamesAFew() {
    Row row =
        withSearches().rows().stream()
            .filter(r -> r.id().equals("search-varied"))
            .findFirst()
            .get();

    assertThat(row.label()).isEqualTo("Search, 4 different queries");
    assertThat(row.rotation())
        .containsExactly(
            "/api/v1/articles?q=latency",
            "/api/v1/articles?q=rust%20storage",
            "/api/v1/articles?q=%22kernel%20patch%22",
            "/api/v1/articles?q=kern");
    assertThat(row.note())
        .isEqualTo(
            "words, pairs of words, phrases and prefixes from the data set, e.g. q=latency · rust"
                + " storage · \"kernel patch\"");
  }

  @Test
  void aSearchRowRotatesOverItsQueriesAndSaysHowManyMatch() {
    List<Row> rows = withSearches().rows();
    Row common = rows.get(7);
    Row rare = rows.get(8);
    Row phrase = rows.get(9);
    Row multi = rows.get(10);
    Row suggest = rows.get(14);

    assertThat(common.rotation())
        .containsExactly(
            "/api/v1/articles?q=support",
            "/api/v1/articles?q=project",
            "/api/v1/articles?q=release",
            "/api/v1/articles?q=version");
    assertThat(common.note()).isEqualTo("q=support · project · release · version; 37012 matches");
    assertThat(common.requestCell()).isEqualTo("`/api/v1/articles?q=support` and 3 more");
    assertThat(rare.note()).isEqualTo("q=kakakax · zokakax · rikakax · tukakax; 10 matches");
    assertThat(phrase.rotation())
        .containsExactly(
            "/api/v1/articles?q=%22kernel%20patch%22",
            "/api/v1/articles?q=%22memory%20allocator%22");
    assertThat(phrase.note()).endsWith("; 1412–2210 matches");
    // One query the app did not count: the range is unknown.
    assertThat(multi.note()).isEqualTo("q=rust compiler · cloud storage latency; ? matches");
    // One the app counted only up to a bound: at least that many.
    assertThat(rows.get(11).note()).isEqualTo("q=kern · comp; 100+–24000 matches");
    assertThat(suggest.rotation()).hasSize(8).first().isEqualTo("/api/v1/suggestions?q=li");
    assertThat(suggest.path()).isEqualTo("/api/v1/suggestions?q=li");
    assertThat(rows.get(15).note()).isEqualTo("16 signed-in readers");
    assertThat(rows.get(15).signedIn()).isTrue();
    assertThat(rows.get(15).inDatabasePass()).isFalse();
  }

  @Test
  void aKindWithoutQueriesHasNoPaths() {
    Row common = fullRun().rows().get(7);

    assertThat(common.rotation()).isEmpty();
    assertThat(common.kind()).isEqualTo(Row.Kind.NA);
    assertThat(common.note()).isEqualTo("n/a: no queries found in the data set");
  }

  @Test
  void encodesAsJqsUriFilter() {
    assertThat(Uri.encode("memory allocator")).isEqualTo("memory%20allocator");
    assertThat(Uri.encode("a+b/c=d~e_f.g-h")).isEqualTo("a%2Bb%2Fc%3Dd~e_f.g-h");
    assertThat(Uri.encode("café")).isEqualTo("caf%C3%A9");
  }

  @Test
  void findsTheTokenInASignUpAnswer() {
    assertThat(Fixtures.tokenOf("{\"token\":\"abc\"}")).isEqualTo("abc");
    assertThat(Fixtures.tokenOf("{\"token\":{\"accessToken\":\"def\",\"expiresIn\":3600}}"))
        .isEqualTo("def");
    assertThat(Fixtures.tokenOf("{\"token\":{\"token\":\"ghi\"}}")).isEqualTo("ghi");
    assertThat(Fixtures.tokenOf("{\"accessToken\":\"jkl\",\"account\":{\"handle\":\"x\"}}"))
        .isEqualTo("jkl");
    assertThat(Fixtures.tokenOf("{\"handle\":\"bench-writer-1\"}")).isNull();
    assertThat(Fixtures.tokenOf("{\"token\":\"\"}")).isNull();
    assertThat(Fixtures.tokenOf("not json")).isNull();
  }
}
