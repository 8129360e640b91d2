package io.pressroom.web;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The paging parameters of every listing ({@code @BeanParam PagingParams paging}): {@code limit}
 * items after {@code cursor}, or the numbered {@code page}. The document shows the numbers as the
 * integers they are; the fields stay text so that a bad value is the 400 problem of {@link
 * PageRequest#parse} naming the parameter, not the 404 JAX-RS gives for unconvertible parameters.
 */
public class PagingParams {

  @RestQuery
  @Parameter(
      description = "Items per page, 1-100",
      schema =
          @Schema(
              type = SchemaType.INTEGER,
              minimum = "1",
              maximum = "" + PageRequest.MAX_LIMIT,
              defaultValue = "" + PageRequest.DEFAULT_LIMIT))
  String limit;

  @RestQuery
  @Parameter(
      description = "Opaque cursor from page.next of a previous answer",
      schema = @Schema(type = SchemaType.STRING))
  String cursor;

  @RestQuery
  @Parameter(
      description =
          "1-based page number for numbered pagers; at most 10,000 items deep (use cursor"
              + " beyond)",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
  String page;

  public PagingParams() {}

  /** Raw values, as a request would send them (tests, and callers that hold text already). */
  public PagingParams(String limit, String cursor, String page) {
    this.limit = limit;
    this.cursor = cursor;
    this.page = page;
  }

  /** The page asked for; a bad value is a 400 problem naming the parameter. */
  public PageRequest request() {
    return PageRequest.parse(limit, cursor, page);
  }
}
