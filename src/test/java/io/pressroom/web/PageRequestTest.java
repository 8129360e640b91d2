package io.pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void defaultsToTheFirstTwentyItems() {
    PageRequest page = PageRequest.parse(null, null, null);

    assertThat(page).isEqualTo(new PageRequest(20, Optional.empty(), 1));
    assertThat(page.fetchSize()).isEqualTo(21);
    assertThat(page.offset()).isZero();
  }

  @Test
  void numberedPagesStartAtTheirOffset() {
    PageRequest page = PageRequest.parse("10", null, "3");

    assertThat(page.offset()).isEqualTo(20);
  }

  @Test
  void limitsOutsideOneToAHundredAreRefusedByName() {
    for (String bad : new String[] {"0", "101", "-1", "ten", "1.5", "99999999999999999999"}) {
      assertThatThrownBy(() -> PageRequest.parse(bad, null, null))
          .as(bad)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.errors()).extracting(Problem.FieldError::field).contains("limit"));
    }
  }

  @Test
  void numberedPagesStopTenThousandItemsDeep() {
    assertThat(PageRequest.parse("100", null, "100").offset()).isEqualTo(9_900);
    assertThatThrownBy(() -> PageRequest.parse("100", null, "101"))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.getMessage()).contains("cursor"));
  }

  @Test
  void aCursorAndAPageNumberDoNotGoTogether() {
    assertThatThrownBy(() -> PageRequest.parse(null, "abc.def", "2"))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void pagingParamsParseAsPageRequestDoes() {
    assertThat(new PagingParams("10", null, "3").request())
        .isEqualTo(PageRequest.parse("10", null, "3"));
    assertThat(new PagingParams(null, null, null).request())
        .isEqualTo(new PageRequest(20, Optional.empty(), 1));
    assertThatThrownBy(() -> new PagingParams("ten", null, null).request())
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.errors()).extracting(Problem.FieldError::field).contains("limit"));
  }
}
