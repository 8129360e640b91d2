package io.pressroom.web;

import java.util.List;
import java.util.function.Function;

/**
 * A page cut from rows fetched with {@link PageRequest#fetchSize()}: the one row beyond the limit
 * only says that more follow, and the last row shown gives the cursor of the next page.
 */
public record PageCut<T>(List<T> shown, String next) {

  public static <T> PageCut<T> of(
      List<T> rows,
      PageRequest request,
      CursorCodec cursors,
      String sort,
      Function<T, List<String>> keysOf) {
    if (rows.size() <= request.limit()) {
      return new PageCut<>(rows, null);
    }
    List<T> shown = rows.subList(0, request.limit());
    T last = shown.get(shown.size() - 1);
    return new PageCut<>(shown, cursors.encode(new CursorCodec.Position(sort, keysOf.apply(last))));
  }

  public PageInfo info(PageRequest request, long total) {
    return new PageInfo(request.limit(), total, next);
  }
}
