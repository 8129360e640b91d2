package io.pressroom.article;

import io.pressroom.web.PageInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of articles, as every article listing answers it. */
@Schema(name = "ArticlePage")
public record ArticlePage(List<ArticleSummary> items, PageInfo page) {}
