package io.pressroom.feed;

import io.pressroom.web.ProblemException;
import java.util.Locale;

/** The formats a feed comes in, named by the extension of its path. */
public enum FeedFormat {
  ATOM("atom", "application/atom+xml"),
  RSS("rss", "application/rss+xml"),
  JSON("json", "application/feed+json");

  private final String extension;
  private final String mediaType;

  FeedFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  public String extension() {
    return extension;
  }

  /** The content type of the answer, with its charset. */
  public String contentType() {
    return mediaType + ";charset=UTF-8";
  }

  /** The format with this extension; anything else is a 404 problem, as for any unknown path. */
  public static FeedFormat ofExtension(String extension) {
    for (FeedFormat format : values()) {
      if (format.extension.equals(extension)) {
        return format;
      }
    }
    throw ProblemException.notFound(
        "There is no feed format '"
            + (extension == null ? "" : extension.toLowerCase(Locale.ROOT))
            + "'; feeds end in .atom, .rss or .json.");
  }
}
