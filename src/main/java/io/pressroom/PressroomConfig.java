package io.pressroom;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Pressroom's own settings; each can also be given as an environment variable. */
@ConfigMapping(prefix = "pressroom")
public interface PressroomConfig {

  /** Loads the demo content once when true (the default with the embedded database). */
  @WithDefault("false")
  boolean demoContent();

  /** The public base URL used in absolute links; taken from the request when absent. */
  Optional<String> publicBaseUrl();

  /**
   * The public web site that shows articles to people. When set, the links of feeds meant for
   * people go there: {@code <site-url>/articles/<slug>}, {@code /authors/<handle>}, {@code
   * /tags/<slug>} and {@code /} for everything. When absent they are the API's own URLs. Entry ids
   * and self links are API URLs either way.
   */
  Optional<String> siteUrl();

  /** Caching headers of anonymous public answers. */
  Cache cache();

  /** The key that signs paging cursors; generated once and kept in the database when absent. */
  Optional<String> cursorKey();

  interface Cache {
    /** How long shared caches may serve an anonymous answer without asking again. */
    @WithDefault("60s")
    Duration maxAge();

    /** How long after that a cache may serve the stale answer while it revalidates. */
    @WithDefault("300s")
    Duration staleWhileRevalidate();
  }
}
