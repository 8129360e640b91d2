package io.pressroom.delivery;

import io.pressroom.article.ArticleChanged;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The surrogate keys (Varnish xkey) of public answers and of the writes that change them: an answer
 * names in its {@code xkey} header what it shows, and a write purges the keys of what it changed.
 *
 * <ul>
 *   <li>{@code article-<id>}: every answer that shows that article (its page, a listing or feed
 *       holding it). Purged by every change to the article, feedback (likes, ratings, comments)
 *       included.
 *   <li>{@code articles}: every listing of articles (article listings, a tag's articles, feeds),
 *       whose members or order change when an article is published, scheduled, edited (its tags,
 *       its words for search), unpublished or deleted.
 *   <li>{@code tags}: the tag listing and tag pages, which count published articles.
 *   <li>{@code authors}: the author listing and author pages, which count articles and followers.
 *   <li>{@code discussions}: every page of an article's comments (which also carries the article's
 *       key: a comment is feedback on it). Purged when a commenter's name or avatar changes.
 *   <li>{@code pressroom}: every public answer. Purged when something shown beside every article
 *       changes: a tag's name, an author's shown profile, an account's role or disabled state.
 *       These writes are rare, and answers do not record which tags and authors they show.
 * </ul>
 *
 * A scheduled article coming due is no write: the edge cache keeps no answer past the next
 * scheduled publication this instance knows of (see {@link EdgeCacheHeaders}), and the write that
 * scheduled it also queues its purge again, due at the instant (see {@link EdgePurges}).
 */
final class SurrogateKeys {

  static final String EVERYTHING = "pressroom";
  static final String ARTICLES = "articles";
  static final String TAGS = "tags";
  static final String AUTHORS = "authors";
  static final String DISCUSSIONS = "discussions";

  private static final Pattern ARTICLE_LISTINGS =
      Pattern.compile("/api/v1/articles|/api/v1/tags/[^/]+/articles|/feeds/.+");
  private static final Pattern TAG_ANSWERS = Pattern.compile("/api/v1/tags(/[^/]+)?");
  private static final Pattern AUTHOR_ANSWERS = Pattern.compile("/api/v1/authors(/[^/]+)?");
  private static final Pattern DISCUSSION_ANSWERS =
      Pattern.compile("/api/v1/articles/[^/]+/comments");

  private SurrogateKeys() {}

  static String article(long id) {
    return "article-" + id;
  }

  /** The keys of a public answer at {@code path} that shows {@code articles}. */
  static Set<String> ofAnswer(String path, Collection<Long> articles) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(EVERYTHING);
    if (ARTICLE_LISTINGS.matcher(path).matches()) {
      keys.add(ARTICLES);
    } else if (TAG_ANSWERS.matcher(path).matches()) {
      keys.add(TAGS);
    } else if (AUTHOR_ANSWERS.matcher(path).matches()) {
      keys.add(AUTHORS);
    } else if (DISCUSSION_ANSWERS.matcher(path).matches()) {
      keys.add(DISCUSSIONS);
    }
    new TreeSet<>(articles).forEach(id -> keys.add(article(id)));
    return keys;
  }

  /** The keys a change to an article purges; none for a draft no reader could see. */
  static List<String> ofChange(ArticleChanged change) {
    if (change.kind() == ArticleChanged.Kind.FEEDBACK) {
      return List.of(article(change.articleId()));
    }
    if (!change.shown()) {
      return List.of();
    }
    return List.of(article(change.articleId()), ARTICLES, TAGS, AUTHORS);
  }

  /** The keys a change to other public content purges. */
  static List<String> ofChange(PublicContentChanged change) {
    return change.followersOnly() ? List.of(AUTHORS) : List.of(EVERYTHING);
  }

  /** One header value for several purges: their keys, each once, space-separated. */
  static String join(Collection<String> keyLists) {
    Set<String> keys = new LinkedHashSet<>();
    for (String list : keyLists) {
      for (String key : list.trim().split("\\s+")) {
        if (!key.isEmpty()) {
          keys.add(key);
        }
      }
    }
    return String.join(" ", keys);
  }
}
