package io.pressroom.author;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicAuthorsTest {

  @Test
  void theRuleIsAboutTheAccountAliasGiven() {
    String condition = PublicAuthors.condition("w");

    assertThat(condition)
        .startsWith("not w.disabled and (w.role in ('author', 'editor')")
        .contains("authored.author_id = w.id");
  }

  @Test
  void publishedArticlesCountOnlyWhenPublic() {
    assertThat(PublicAuthors.condition("u"))
        .contains("authored.deleted_at is null")
        .contains("authored.status = 'published'")
        .contains("authored.published_at <= now()");
  }

  @Test
  void theArticlesAliasCannotClashWithTheUsualAccountAliases() {
    for (String alias : new String[] {"a", "u", "h"}) {
      assertThat(PublicAuthors.condition(alias)).doesNotContain(" " + alias + ".author_id");
    }
  }
}
