package io.pressroom.account;

import io.pressroom.web.PageInfo;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API shapes of aggregator keys. */
public final class ApiKeyViews {

  private ApiKeyViews() {}

  /** What an admin sends to create a key. */
  @Schema(name = "NewApiKey")
  public record NewApiKey(@NotBlank @Size(max = 100) @Schema(example = "Feedly") String name) {}

  /** A new key: the only answer that ever contains the key itself. */
  @Schema(name = "CreatedApiKey")
  public record Created(
      @Schema(example = "12") long id,
      @Schema(example = "Feedly") String name,
      @Schema(description = "Send as X-Api-Key; shown only now", example = "prk_Xk3...") String key,
      @Schema(example = "prk_Xk3a9") String prefix,
      Instant createdAt) {}

  /** A key as listed: never the key itself. */
  @Schema(name = "ApiKey")
  public record Listed(
      long id,
      String name,
      String prefix,
      Instant createdAt,
      @Schema(nullable = true) Instant lastUsedAt) {}

  /** A page of the active keys, as every collection answers. */
  @Schema(name = "ApiKeyPage")
  public record KeyPage(List<Listed> items, PageInfo page) {}
}
