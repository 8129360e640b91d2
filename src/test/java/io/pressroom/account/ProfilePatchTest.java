package io.pressroom.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pressroom.web.ProblemException;
import org.junit.jupiter.api.Test;

class ProfilePatchTest {

  private final ObjectMapper mapper = new ObjectMapper();

  private Account ada() {
    Account account = new Account("ada", "ada@example.com", "Ada", Role.READER);
    account.bio = "Counts things.";
    account.avatarUrl = "https://images.example.net/ada.png";
    account.websiteUrl = "https://ada.example.com";
    return account;
  }

  @Test
  void fieldsTheBodyDoesNotNameStayAndNullClears() {
    ProfilePatch patch = ProfilePatch.of(json("{\"name\": \"Ada L.\", \"bio\": null}"));

    assertThat(patch.applyTo(ada()))
        .isEqualTo(
            new ProfileFields(
                "Ada L.", null, "https://images.example.net/ada.png", "https://ada.example.com"));
    assertThat(patch.setsPassword()).isFalse();
    assertThat(patch.namesCurrentPassword()).isFalse();
  }

  @Test
  void aPasswordNamedWithNullStillCountsAsAnAttemptToSetOne() {
    ProfilePatch patch = ProfilePatch.of(json("{\"password\": null}"));

    assertThat(patch.setsPassword()).isTrue();
    assertThat(patch.password()).isNull();
    assertThat(patch.applyTo(ada()).name()).isEqualTo("Ada");
  }

  @Test
  void otherFieldsAndValuesThatAreNotTextAreRefused() {
    assertThatThrownBy(() -> ProfilePatch.of(json("{\"role\": \"admin\"}")))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> ProfilePatch.of(json("{\"name\": 5}")))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> ProfilePatch.of(json("[]"))).isInstanceOf(ProblemException.class);
  }

  private JsonNode json(String text) {
    try {
      return mapper.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
