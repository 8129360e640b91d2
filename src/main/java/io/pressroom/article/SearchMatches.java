package io.pressroom.article;

import java.util.List;

/**
 * Every article a search matches, from the search engine, for an order it does not keep (most
 * liked, best rated, most discussed, recently updated): the engine says what matches and the
 * database orders it. Holds on to the engine's view of its index until closed, so that the
 * highlights are cut from the same text that matched.
 */
public interface SearchMatches extends AutoCloseable {

  /** How many articles match. */
  long count();

  /** How many articles the engine searched (all it holds), of which {@link #count()} matched. */
  long searched();

  /**
   * The matched articles' ids, in no particular order; reads each match's id, so meant for when
   * they are few.
   */
  long[] ids();

  /** Which of these articles match: one flag each, in their order. */
  boolean[] match(long[] ids);

  /** The highlights of these matched articles, in their order. */
  List<SearchHighlight> highlights(List<Long> ids);

  @Override
  void close();
}
