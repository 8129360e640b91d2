package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

  @Test
  void theRowsInTheReportsOrder() {
    List<Row> rows = fullRun().rows();

    assertThat(rows)
        .extracting(Row::id)
        .containsExactly(
            "detail", "tag-first", "tag-deep", "search", "tags", "author", "feed", "writes");
    assertThat(rows)
        .extracting(Row::path)
        .containsExactly(
            "/api/v1/articles/an-have-futures-their-source-battery-elixir-other-39603",
            "/api/v1/articles?tag=linux",
            "/api/v1/articles?tag=linux&cursor=eyJrIjpbIjIwMjYtMDEtMDEiLDQyXX0.c2lnbmF0dXJl",
            "/api/v1/articles?q=memory%20allocator",
            "/api/v1/tags",
            "/api/v1/authors/author-1",
            "/feeds/tags/linux.atom",
            "like / unlike / comment");
    assertThat(rows)
        .extracting(Row::kind)
        .containsExactly(
            Row.Kind.HOT,
            Row.Kind.HOT,
            Row.Kind.DB,
            Row.Kind.DB,
            Row.Kind.HOT,
            Row.Kind.DB,
            Row.Kind.HOT,
            Row.Kind.WRITE);
    assertThat(rows)
        .extracting(Row::ceiling)
        .containsExactly("detail", "list", "list", "list", "tags", "detail", "feed", "detail");
    assertThat(rows.get(2).label()).isEqualTo("Same tag, 2000 deep");
    assertThat(rows.get(2).note()).isEqualTo("cursor after 2000 of 29305");
    assertThat(rows.get(3).note()).isEqualTo("q=\"memory allocator\", 6218 matches");
    assertThat(rows.get(5).note()).isEqualTo("432 articles");
    assertThat(rows.get(2).shortPath()).isEqualTo("/api/v1/articles?tag=linux&cursor=…");
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
