package io.pressroom.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** A reader paging through an article listing by cursor, as a client would. */
public final class ArticlePages {

  private ArticlePages() {}

  /**
   * Every slug of {@code GET /api/v1/articles} with the parameters {@code query} sets, two per
   * page, following {@code page.next}; each page must tell {@code total} as its total.
   */
  public static List<String> allSlugs(Consumer<RequestSpecification> query, int total) {
    List<String> slugs = new ArrayList<>();
    String cursor = null;
    do {
      RequestSpecification request = given().queryParam("limit", 2);
      query.accept(request);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page = request.get("/api/v1/articles").then().statusCode(200).extract().jsonPath();
      assertThat(page.getInt("page.total")).as("the total on each page").isEqualTo(total);
      slugs.addAll(page.getList("items.slug", String.class));
      cursor = page.getString("page.next");
    } while (cursor != null);
    return slugs;
  }

  /** The elements of {@code list} at {@code indexes}, in that order. */
  public static List<String> pick(List<String> list, int... indexes) {
    return Arrays.stream(indexes).mapToObj(list::get).toList();
  }
}
