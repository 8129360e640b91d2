package io.pressroom.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a collection answer stands: its size, the whole count, and the cursor of what follows. */
@Schema(name = "PageInfo")
public record PageInfo(
    @Schema(example = "20") int limit,
    @Schema(example = "57") long total,
    @Schema(
            description = "Cursor of the next page, to send as cursor; null on the last page",
            nullable = true,
            example = "c29ydA.c2ln")
        String next,
    @Schema(
            description =
                "False when total is a lower bound: a search (q) counts its matches exactly up"
                    + " to 100 (or the page's size, if larger); past that, total is that bound and"
                    + " more articles match. Every other listing counts exactly",
            example = "true")
        boolean totalIsExact) {

  /** A page whose total is exact. */
  public PageInfo(int limit, long total, String next) {
    this(limit, total, next, true);
  }
}
