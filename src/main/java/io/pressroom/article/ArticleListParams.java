package io.pressroom.article;

import io.pressroom.web.PageRequest;
import io.pressroom.web.PagingParams;
import io.pressroom.web.ProblemException;
import io.pressroom.web.QueryParams;
import jakarta.ws.rs.BeanParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The query options of every article listing, taken raw so that bad values are clear 400s. */
public class ArticleListParams {

  static final int MAX_QUERY_LENGTH = 200;
  static final int MAX_TAGS = 20;

  @RestQuery
  @Parameter(
      description = "Tag slug; repeat (or separate with commas) to match any of several",
      example = "[\"rust\", \"linux\"]",
      schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
  List<String> tag;

  @RestQuery
  @Parameter(description = "Author handle", example = "kernel-desk")
  String author;

  @RestQuery
  @Parameter(
      description =
          "Full-text search over title, summary and body, ranked by relevance; each item then"
              + " carries highlight (its title and a passage with the matched words marked)."
              + " Every word must match; \"quoted words\" as a phrase; -word must not match;"
              + " the last word, while it is being typed, also matches the words it begins"
              + " (kern finds kernel, securit finds security). While the search index is being"
              + " built, and for searches of unpublished articles, PostgreSQL answers: there the"
              + " last word is always also a prefix, and one typed past its stem (securit) finds"
              + " nothing until finished",
      example = "rust kernel")
  String q;

  @RestQuery
  @Parameter(
      description = "Only articles published after this instant (ISO-8601) or date",
      example = "2026-11-01T00:00:00Z")
  String publishedAfter;

  @RestQuery
  @Parameter(
      description = "Only articles published before this instant (ISO-8601) or date",
      example = "2026-12-01")
  String publishedBefore;

  @RestQuery
  @Parameter(
      description = "Only articles updated at or after this instant (ISO-8601) or date",
      example = "2026-11-20T00:00:00Z")
  String updatedSince;

  @RestQuery
  @Parameter(
      description =
          "Order: -publishedAt (default), publishedAt, -updatedAt, -likes, -rating, -comments,"
              + " relevance (default with q)",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {
                "-publishedAt",
                "publishedAt",
                "-updatedAt",
                "-likes",
                "-rating",
                "-comments",
                "relevance"
              }))
  String sort;

  @RestQuery
  @Parameter(
      description =
          "Editors and authors only: draft, scheduled, published (default) or archived; authors"
              + " see only their own unpublished articles",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"draft", "scheduled", "published", "archived"},
              defaultValue = "published"))
  String status;

  @BeanParam PagingParams paging;

  /**
   * What a reader typed as the {@code q} parameter: trimmed, absent when blank, a 400 problem when
   * longer than {@code maxLength}. Shared by every endpoint that takes a search query.
   */
  public static Optional<String> searchQuery(String raw, int maxLength) {
    Optional<String> query = Optional.ofNullable(raw).map(String::trim).filter(s -> !s.isEmpty());
    if (query.isPresent() && query.get().length() > maxLength) {
      throw ProblemException.invalidParameter("q", "must be at most " + maxLength + " characters");
    }
    return query;
  }

  PageRequest pageRequest() {
    return paging.request();
  }

  ArticleFilter filter() {
    Optional<String> query = searchQuery(q, MAX_QUERY_LENGTH);
    ArticleStatus wanted =
        ArticleStatus.valueOf(
            QueryParams.oneOf(
                    "status", status, "published", "draft", "scheduled", "published", "archived")
                .toUpperCase(Locale.ROOT));
    boolean undated = wanted == ArticleStatus.DRAFT || wanted == ArticleStatus.ARCHIVED;
    String defaultSort =
        query.isPresent()
            ? ArticleSort.RELEVANCE.parameter()
            : undated ? ArticleSort.RECENTLY_UPDATED.parameter() : ArticleSort.NEWEST.parameter();
    ArticleSort order =
        ArticleSort.of(QueryParams.oneOf("sort", sort, defaultSort, ArticleSort.parameters()));
    if (order == ArticleSort.RELEVANCE && query.isEmpty()) {
      throw ProblemException.invalidParameter("sort", "relevance needs a search query q");
    }
    if (undated && (order == ArticleSort.NEWEST || order == ArticleSort.OLDEST)) {
      throw ProblemException.invalidParameter(
          "sort", "unpublished articles have no publishedAt; sort by -updatedAt");
    }
    return new ArticleFilter(
        tagSlugs(),
        Optional.ofNullable(author).map(String::trim).filter(s -> !s.isEmpty()),
        query,
        QueryParams.instant("publishedAfter", publishedAfter),
        QueryParams.instant("publishedBefore", publishedBefore),
        QueryParams.instant("updatedSince", updatedSince),
        order,
        wanted,
        Optional.empty(),
        Optional.empty());
  }

  private List<String> tagSlugs() {
    List<String> slugs = new ArrayList<>();
    if (tag != null) {
      for (String value : tag) {
        for (String part : value.split(",")) {
          String slug = part.trim();
          if (!slug.isEmpty() && !slugs.contains(slug)) {
            slugs.add(slug);
          }
        }
      }
    }
    if (slugs.size() > MAX_TAGS) {
      throw ProblemException.invalidParameter("tag", "at most " + MAX_TAGS + " tags at once");
    }
    return slugs;
  }
}
