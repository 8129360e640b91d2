package io.pressroom.web;

import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The articles an answer shows, noted by the resource that builds it (the HTTP layer: the data
 * layer never reaches for a request bean), so that a cached copy of the answer can be dropped when
 * one of them changes.
 */
@RequestScoped
public class ResponseDependencies {

  /**
   * The public article page an answer is: what a signed-in reader's copy adds to it (the reader's
   * own state on that article and its author) and the version its entity tag starts with.
   */
  public record ArticlePage(long articleId, long authorId, String versionTag) {}

  private final Set<Long> articles = new HashSet<>();
  private ArticlePage articlePage;
  private byte[] publicBody;

  public Set<Long> articles() {
    return articles;
  }

  /** Notes that the current answer shows these articles; the HTTP layer calls it. */
  public void add(Collection<Long> ids) {
    articles.addAll(ids);
  }

  /** Notes that the current answer is the public page of this article; the HTTP layer calls it. */
  public void articlePage(long articleId, long authorId, String versionTag) {
    articlePage = new ArticlePage(articleId, authorId, versionTag);
  }

  /** The public article page the current answer is, or null. */
  public ArticlePage articlePage() {
    return articlePage;
  }

  /**
   * Notes the bytes an anonymous client gets for this request, when the current answer is a
   * signed-in reader's own copy of a public article page (theirs adds their state to these).
   */
  public void publicBody(byte[] body) {
    publicBody = body;
  }

  /** The bytes noted by {@link #publicBody(byte[])}, or null. */
  public byte[] publicBody() {
    return publicBody;
  }
}
