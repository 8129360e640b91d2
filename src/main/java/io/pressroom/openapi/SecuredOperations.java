package io.pressroom.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * The one place where the OpenAPI document says which operations need a bearer token. Quarkus adds
 * the security requirement (the {@code bearer} scheme, with the roles allowed) to every operation
 * of a {@code @RolesAllowed} or {@code @Authenticated} method ({@code
 * quarkus.smallrye-openapi.auto-add-security}); this filter then gives each of those operations the
 * project's 401 and 403 problem answers, in place of the bare ones Quarkus adds. Resources write
 * neither {@code @SecurityRequirement} nor these responses by hand. Operations open to anyone are
 * described by {@link ApiSecurity}. A step of {@link ApiDescription}.
 */
final class SecuredOperations {

  static final String UNAUTHORIZED = "#/components/responses/Unauthorized";
  static final String FORBIDDEN = "#/components/responses/Forbidden";

  private SecuredOperations() {}

  static void describe(OpenAPI openAPI) {
    for (PathItem path : openAPI.getPaths().getPathItems().values()) {
      for (Operation operation : path.getOperations().values()) {
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
          secure(operation);
        }
      }
    }
  }

  private static void secure(Operation operation) {
    roles(operation);
    APIResponses responses = operation.getResponses();
    Map<String, APIResponse> all = new LinkedHashMap<>(responses.getAPIResponses());
    all.put("401", OASFactory.createAPIResponse().ref(UNAUTHORIZED));
    all.put("403", OASFactory.createAPIResponse().ref(FORBIDDEN));
    Map<String, APIResponse> sorted = new LinkedHashMap<>();
    all.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    responses.setAPIResponses(sorted);
  }

  /**
   * The roles Quarkus lists go into the description: an http bearer scheme has no scopes, and
   * linters (Spectral's oas3-operation-security-defined) read that list as scopes.
   */
  private static void roles(Operation operation) {
    Set<String> roles = new TreeSet<>();
    for (SecurityRequirement requirement : operation.getSecurity()) {
      roles.addAll(requirement.getScheme(ApiSecurity.BEARER));
    }
    operation.setSecurity(
        new ArrayList<>(
            List.of(OASFactory.createSecurityRequirement().addScheme(ApiSecurity.BEARER))));
    String needs =
        roles.isEmpty()
            ? "Needs a bearer token."
            : "Needs a bearer token of an account with the role "
                + String.join(" or ", roles)
                + " (each role includes those below it: reader, author, editor, admin).";
    String description = operation.getDescription();
    operation.setDescription(description == null ? needs : description + " " + needs);
  }
}
