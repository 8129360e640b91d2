package io.pressroom.comment;

import io.pressroom.web.PageInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of an article's comments, oldest first. */
@Schema(name = "CommentPage")
public record CommentPage(List<CommentView> items, PageInfo page) {}
