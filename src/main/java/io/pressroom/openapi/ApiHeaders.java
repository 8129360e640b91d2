package io.pressroom.openapi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The response headers and the answer that every operation can get, declared once here rather than
 * on fifty methods: the rate limit (RateLimit-* on every answer the limiter counted, 429 when it
 * says no), ETag on the answers that honour If-None-Match (those that document a 304), and Link
 * (rel=next) on the pages that a cursor continues.
 */
final class ApiHeaders {

  static final String TOO_MANY_REQUESTS = "#/components/responses/TooManyRequests";

  private ApiHeaders() {}

  static void describe(OpenAPI openAPI) {
    Components components = openAPI.getComponents();
    components.addHeader(
        "RateLimit-Limit",
        header("Requests allowed per window for this client (key, account or address)", 60));
    components.addHeader("RateLimit-Remaining", header("Requests left in the current window", 59));
    components.addHeader("RateLimit-Reset", header("Seconds until the window starts again", 42));
    components.addHeader(
        "ETag",
        OASFactory.createHeader()
            .description("Version of the representation; send it as If-None-Match (or If-Match)")
            .schema(string())
            .example("\"a1b2c3d4\""));
    components.addHeader(
        "Link",
        OASFactory.createHeader()
            .description("The next page, as rel=\"next\"; absent on the last page")
            .schema(string())
            .example("</api/v1/articles?cursor=eyJrIjoxfQ>; rel=\"next\""));
    for (PathItem path : openAPI.getPaths().getPathItems().values()) {
      for (Operation operation : path.getOperations().values()) {
        describe(operation);
      }
    }
  }

  private static void describe(Operation operation) {
    boolean conditional = operation.getResponses().getAPIResponse("304") != null;
    boolean paged =
        operation.getParameters() != null
            && operation.getParameters().stream()
                .map(Parameter::getName)
                .anyMatch("cursor"::equals);
    for (Map.Entry<String, APIResponse> entry :
        operation.getResponses().getAPIResponses().entrySet()) {
      APIResponse response = entry.getValue();
      if (response.getRef() != null || !entry.getKey().matches("[23]\\d\\d")) {
        continue;
      }
      for (String name :
          new String[] {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"}) {
        response.addHeader(name, ref(name));
      }
      if (entry.getKey().equals("200") && conditional) {
        response.addHeader("ETag", ref("ETag"));
      }
      if (entry.getKey().equals("200") && paged) {
        response.addHeader("Link", ref("Link"));
      }
    }
    Map<String, APIResponse> all = new TreeMap<>(operation.getResponses().getAPIResponses());
    all.putIfAbsent("429", OASFactory.createAPIResponse().ref(TOO_MANY_REQUESTS));
    operation.getResponses().setAPIResponses(new LinkedHashMap<>(all));
  }

  private static Header header(String description, int example) {
    return OASFactory.createHeader()
        .description(description)
        .schema(
            OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ZERO))
        .example(example);
  }

  private static Schema string() {
    return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
  }

  private static Header ref(String name) {
    return OASFactory.createHeader().ref("#/components/headers/" + name);
  }
}
