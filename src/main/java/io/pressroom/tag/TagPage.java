package io.pressroom.tag;

import io.pressroom.web.PageInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of tags. */
@Schema(name = "TagPage")
public record TagPage(List<TagView> items, PageInfo page) {}
