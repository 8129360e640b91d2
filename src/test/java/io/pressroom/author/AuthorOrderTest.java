package io.pressroom.author;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pressroom.author.AuthorQueries.Order;
import io.pressroom.web.ProblemException;
import org.junit.jupiter.api.Test;

class AuthorOrderTest {

  @Test
  void eachSortParameterNamesItsOrderAndNoneMeansByName() {
    assertThat(Order.of(null)).isEqualTo(Order.NAME);
    assertThat(Order.of("name")).isEqualTo(Order.NAME);
    assertThat(Order.of("-followers")).isEqualTo(Order.FOLLOWERS);
    assertThat(Order.of("-articles")).isEqualTo(Order.ARTICLES);
  }

  @Test
  void anUnknownSortIsABadRequest() {
    assertThatThrownBy(() -> Order.of("followers")).isInstanceOf(ProblemException.class);
  }
}
