package io.pressroom.support;

import static org.assertj.core.api.Assertions.assertThat;

/** The public base URL of the test profile, and how to follow a link built on it. */
public final class PublicUrls {

  /** {@code %test.pressroom.public-base-url} in application.properties. */
  public static final String BASE = "http://api.pressroom.test";

  private PublicUrls() {}

  /** The path of an absolute link, to request it from the test server on its random port. */
  public static String path(String absolute) {
    assertThat(absolute).startsWith(BASE + "/");
    return absolute.substring(BASE.length());
  }
}
