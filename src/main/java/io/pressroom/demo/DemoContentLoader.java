package io.pressroom.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pressroom.PressroomConfig;
import io.pressroom.account.Account;
import io.pressroom.account.AccountService;
import io.pressroom.account.CurrentUser;
import io.pressroom.account.NewProfile;
import io.pressroom.account.Role;
import io.pressroom.article.ArticleAuthoring;
import io.pressroom.article.ArticleRequest;
import io.pressroom.author.FollowService;
import io.pressroom.comment.CommentService;
import io.pressroom.feedback.FeedbackService;
import io.pressroom.tag.TagService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Loads the demo content once per database when {@code pressroom.demo-content} is on. A marker row,
 * taken under an advisory lock, makes the load happen exactly once even when several instances
 * start together.
 */
@ApplicationScoped
class DemoContentLoader {

  private static final Logger LOG = Logger.getLogger(DemoContentLoader.class);
  static final String MARKER = "demo-content-v1";

  private final PressroomConfig config;
  private final EntityManager entityManager;
  private final AccountService accounts;
  private final TagService tags;
  private final ArticleAuthoring authoring;
  private final FeedbackService feedback;
  private final FollowService follows;
  private final CommentService comments;
  private final ObjectMapper mapper;

  DemoContentLoader(
      PressroomConfig config,
      EntityManager entityManager,
      AccountService accounts,
      TagService tags,
      ArticleAuthoring authoring,
      FeedbackService feedback,
      FollowService follows,
      CommentService comments,
      ObjectMapper mapper) {
    this.config = config;
    this.entityManager = entityManager;
    this.accounts = accounts;
    this.tags = tags;
    this.authoring = authoring;
    this.feedback = feedback;
    this.follows = follows;
    this.comments = comments;
    this.mapper = mapper;
  }

  void onStart(@Observes StartupEvent event) {
    if (config.demoContent()) {
      QuarkusTransaction.requiringNew().run(this::loadOnce);
    }
  }

  void loadOnce() {
    entityManager.createNativeQuery("select pg_advisory_xact_lock(4242)").getSingleResult();
    int inserted =
        entityManager
            .createNativeQuery(
                "insert into instance_markers (name) values (:name) on conflict do nothing")
            .setParameter("name", MARKER)
            .executeUpdate();
    if (inserted == 0) {
      return;
    }
    DemoContent content = read();
    Map<String, Account> byHandle = new HashMap<>();
    for (DemoContent.DemoAccount a : content.accounts()) {
      byHandle.put(
          a.handle(),
          accounts.create(
              new NewProfile(
                  a.handle(),
                  a.email(),
                  a.name(),
                  Role.of(a.role()),
                  a.bio(),
                  a.avatarUrl(),
                  a.websiteUrl())));
    }
    for (DemoContent.DemoTag tag : content.tags()) {
      tags.describe(tag.name(), tag.description());
    }
    Map<String, String> slugByTitle = new HashMap<>();
    for (DemoContent.DemoArticle a : content.articles()) {
      String slug =
          authoring.createPublished(
              byHandle.get(a.author()),
              new ArticleRequest(
                  a.title(),
                  a.summary(),
                  a.body(),
                  a.tags(),
                  a.referenceUrl(),
                  a.sourceUrl(),
                  a.sourcePublisher(),
                  a.republicationNotice(),
                  a.coverImageUrl()),
              a.publishedAt());
      slugByTitle.put(a.title(), slug);
    }
    loadFeedback(content, byHandle, slugByTitle);
    loadComments(content.comments(), slugByTitle, byHandle);
    LOG.infof(
        "Loaded demo content: %d accounts, %d tags, %d articles, %d comments",
        content.accounts().size(),
        content.tags().size(),
        content.articles().size(),
        content.comments().size());
  }

  /** Comments in file order; a reply names the key of a comment earlier in the file. */
  private void loadComments(
      List<DemoContent.DemoComment> demoComments,
      Map<String, String> slugByTitle,
      Map<String, Account> byHandle) {
    Map<String, Long> idByKey = new HashMap<>();
    for (DemoContent.DemoComment c : demoComments) {
      Long parentId = null;
      if (c.replyTo() != null) {
        parentId = idByKey.get(c.replyTo());
        if (parentId == null) {
          throw new IllegalStateException(
              "Demo comment " + c.key() + " replies to " + c.replyTo() + ", not an earlier one");
        }
      }
      String slug = slugByTitle.get(c.article());
      Account author = byHandle.get(c.author());
      if (slug == null || author == null) {
        throw new IllegalStateException(
            "Demo comment " + c.key() + " names an unknown article or author");
      }
      idByKey.put(
          c.key(), comments.importComment(slug, author.id(), parentId, c.body(), c.createdAt()));
    }
  }

  /** Likes, ratings and follows, through the services that keep the counters. */
  private void loadFeedback(
      DemoContent content, Map<String, Account> byHandle, Map<String, String> slugByTitle) {
    for (DemoContent.DemoLike like : content.likesOrEmpty()) {
      feedback.like(
          required(byHandle, like.reader(), "account").id(),
          required(slugByTitle, like.article(), "article"));
    }
    for (DemoContent.DemoRating rating : content.ratingsOrEmpty()) {
      feedback.rate(
          required(byHandle, rating.reader(), "account").id(),
          required(slugByTitle, rating.article(), "article"),
          rating.score());
    }
    for (DemoContent.DemoFollow follow : content.followsOrEmpty()) {
      Account follower = required(byHandle, follow.follower(), "account");
      follows.follow(
          new CurrentUser.Caller(follower.id(), follower.handle(), follower.role()),
          required(byHandle, follow.author(), "account").handle());
    }
    LOG.infof(
        "Loaded demo feedback: %d likes, %d ratings, %d follows",
        content.likesOrEmpty().size(),
        content.ratingsOrEmpty().size(),
        content.followsOrEmpty().size());
  }

  private static <T> T required(Map<String, T> known, String name, String kind) {
    T value = known.get(name);
    if (value == null) {
      throw new IllegalStateException("The demo content names an unknown " + kind + ": " + name);
    }
    return value;
  }

  private DemoContent read() {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream("demo/content.json")) {
      return mapper
          .copy()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(in, DemoContent.class);
    } catch (IOException e) {
      throw new UncheckedIOException("The demo content could not be read", e);
    }
  }
}
