package io.pressroom.article;

import com.fasterxml.jackson.databind.JsonNode;
import io.pressroom.web.MergePatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partial update of an article (JSON merge-patch), typed: each field is absent (it stays), null
 * (an optional field is cleared, tags emptied) or a new value.
 */
record ArticlePatch(
    Field<String> title,
    Field<String> summary,
    Field<String> body,
    Field<List<String>> tags,
    Field<String> referenceUrl,
    Field<String> sourceUrl,
    Field<String> sourcePublisher,
    Field<String> republicationNotice,
    Field<String> coverImageUrl) {

  static final Set<String> EDITABLE_FIELDS =
      Set.of(
          "title",
          "summary",
          "body",
          "tags",
          "referenceUrl",
          "sourceUrl",
          "sourcePublisher",
          "republicationNotice",
          "coverImageUrl");

  /** One field of the patch. */
  record Field<T>(boolean present, T value) {

    static <T> Field<T> absent() {
      return new Field<>(false, null);
    }

    /** The field's new value if the patch names it, else {@code current}. */
    T or(T current) {
      return present ? value : current;
    }
  }

  /** Reads a merge-patch body: 400 for fields that cannot be set and for values of a wrong type. */
  static ArticlePatch of(JsonNode body) {
    MergePatch patch = MergePatch.of(body, EDITABLE_FIELDS);
    return new ArticlePatch(
        text(patch, "title"),
        text(patch, "summary"),
        text(patch, "body"),
        patch.has("tags") ? new Field<>(true, patch.texts("tags", null)) : Field.absent(),
        text(patch, "referenceUrl"),
        text(patch, "sourceUrl"),
        text(patch, "sourcePublisher"),
        text(patch, "republicationNotice"),
        text(patch, "coverImageUrl"));
  }

  /** The article as it would be after the patch, checked like a new one afterwards. */
  ArticleRequest applyTo(ArticleRequest current) {
    return new ArticleRequest(
        title.or(current.title()),
        summary.or(current.summary()),
        body.or(current.body()),
        tags.or(current.tags()),
        referenceUrl.or(current.referenceUrl()),
        sourceUrl.or(current.sourceUrl()),
        sourcePublisher.or(current.sourcePublisher()),
        republicationNotice.or(current.republicationNotice()),
        coverImageUrl.or(current.coverImageUrl()));
  }

  /** The addresses a live article sends readers to, by field name. */
  Map<String, Field<String>> links() {
    Map<String, Field<String>> links = new LinkedHashMap<>();
    links.put("sourceUrl", sourceUrl);
    links.put("referenceUrl", referenceUrl);
    links.put("coverImageUrl", coverImageUrl);
    return links;
  }

  private static Field<String> text(MergePatch patch, String field) {
    return patch.has(field) ? new Field<>(true, patch.text(field, null)) : Field.absent();
  }
}
