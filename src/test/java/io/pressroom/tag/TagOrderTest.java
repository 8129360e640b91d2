package io.pressroom.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pressroom.tag.TagQueries.Order;
import io.pressroom.web.ProblemException;
import org.junit.jupiter.api.Test;

class TagOrderTest {

  @Test
  void eachSortParameterNamesItsOrderAndNoneMeansByName() {
    assertThat(Order.of(null)).isEqualTo(Order.NAME);
    assertThat(Order.of("")).isEqualTo(Order.NAME);
    assertThat(Order.of("-articles")).isEqualTo(Order.ARTICLES);
  }

  @Test
  void anUnknownSortIsABadRequest() {
    assertThatThrownBy(() -> Order.of("articles")).isInstanceOf(ProblemException.class);
  }
}
