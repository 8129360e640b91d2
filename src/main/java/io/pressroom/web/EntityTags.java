package io.pressroom.web;

/** Entity tag comparison as RFC 9110 describes it for conditional requests. */
public final class EntityTags {

  private EntityTags() {}

  /** Weak comparison, as used for {@code If-None-Match}; {@code *} matches anything. */
  public static boolean matchesAny(String header, String etag) {
    if (header == null || header.isBlank()) {
      return false;
    }
    String wanted = opaque(etag);
    for (String candidate : header.split(",")) {
      String trimmed = candidate.trim();
      if (trimmed.equals("*") || opaque(trimmed).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  /**
   * Whether an If-Match header names the current version of a resource whose entity tags start with
   * {@code versionTag}: {@code *} matches, as does any tag of that version.
   */
  public static boolean matchesVersion(String header, String versionTag) {
    for (String candidate : header.split(",")) {
      String tag = opaque(candidate.trim());
      if (tag.equals("*") || tag.startsWith("\"" + versionTag + "-")) {
        return true;
      }
    }
    return false;
  }
}
