package io.pressroom.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Who may call what, as generated clients must know it. Operations that require a token say so
 * already (Quarkus adds {@code bearer} from {@code @RolesAllowed}). Every other operation is open
 * to anyone ({@code {}}) and accepts an aggregator key ({@code apiKey}: every request may carry
 * one); those whose answer depends on who asks (a reader's {@code viewer}, an author's drafts) also
 * accept the bearer token, so that clients send it there too. A token that is sent must be valid:
 * those operations document the 401.
 */
final class ApiSecurity {

  static final String BEARER = "bearer";
  static final String API_KEY = "apiKey";

  /** Operations open to anyone whose answer is personalised for a signed-in caller. */
  static final Set<String> PERSONALISED =
      Set.of(
          "listArticles",
          "getArticle",
          "listTagArticles",
          "listAuthors",
          "getAuthor",
          "getRatings");

  private ApiSecurity() {}

  static void describe(OpenAPI openAPI) {
    for (PathItem path : openAPI.getPaths().getPathItems().values()) {
      for (Operation operation : path.getOperations().values()) {
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
          continue;
        }
        List<SecurityRequirement> alternatives = new ArrayList<>();
        alternatives.add(OASFactory.createSecurityRequirement());
        if (PERSONALISED.contains(operation.getOperationId())) {
          alternatives.add(OASFactory.createSecurityRequirement().addScheme(BEARER));
          if (operation.getResponses().getAPIResponse("401") == null) {
            operation
                .getResponses()
                .addAPIResponse(
                    "401",
                    OASFactory.createAPIResponse().ref("#/components/responses/Unauthorized"));
          }
        }
        alternatives.add(OASFactory.createSecurityRequirement().addScheme(API_KEY));
        operation.setSecurity(alternatives);
      }
    }
  }
}
