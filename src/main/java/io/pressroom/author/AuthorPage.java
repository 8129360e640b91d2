package io.pressroom.author;

import io.pressroom.web.PageInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of authors. */
@Schema(name = "AuthorPage")
public record AuthorPage(List<AuthorProfile> items, PageInfo page) {}
