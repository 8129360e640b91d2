package io.pressroom.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document says who may call each operation: every {@code @RolesAllowed} or
 * {@code @Authenticated} method asks for a bearer token and documents the 401 and 403 problems;
 * every operation open to anyone has an alternative that asks for nothing ({@code {}}). A plain
 * test: it reads the compiled resources and {@code openapi/openapi.json} (which {@code
 * OperationsTest} keeps equal to what is served).
 */
class SecuredOperationsTest {

  private static final Map<Class<? extends Annotation>, String> VERBS =
      Map.of(
          GET.class, "get",
          POST.class, "post",
          PUT.class, "put",
          PATCH.class, "patch",
          DELETE.class, "delete",
          HEAD.class, "head");

  record Endpoint(String verb, String path, boolean secured, String method) {}

  @Test
  void protectedOperationsAskForABearerTokenAndPublicOnesDoNot() throws Exception {
    JsonNode paths =
        new ObjectMapper().readTree(Paths.get("openapi/openapi.json").toFile()).get("paths");
    List<Endpoint> endpoints = endpoints();
    assertThat(endpoints).as("resource methods found").hasSizeGreaterThan(40);
    assertThat(endpoints.stream().filter(Endpoint::secured)).hasSizeGreaterThan(20);
    for (Endpoint endpoint : endpoints) {
      JsonNode operation = paths.path(endpoint.path()).path(endpoint.verb());
      assertThat(operation.isObject())
          .as("%s %s (%s) is in the document", endpoint.verb(), endpoint.path(), endpoint.method())
          .isTrue();
      JsonNode security = operation.path("security");
      if (endpoint.secured()) {
        assertThat(security.size()).as("security of %s", endpoint.method()).isEqualTo(1);
        assertThat(security.get(0).has("bearer")).as("bearer on %s", endpoint.method()).isTrue();
        assertThat(operation.at("/responses/401/$ref").asText())
            .as("401 of %s", endpoint.method())
            .isEqualTo("#/components/responses/Unauthorized");
        assertThat(operation.at("/responses/403/$ref").asText())
            .as("403 of %s", endpoint.method())
            .isEqualTo("#/components/responses/Forbidden");
      } else {
        assertThat(security)
            .as("%s is open to anyone: one alternative asks for nothing", endpoint.method())
            .anyMatch(requirement -> requirement.isEmpty());
      }
    }
  }

  /** Every resource method of the application with its verb, path and whether it needs a role. */
  private static List<Endpoint> endpoints() throws IOException, ClassNotFoundException {
    var classes = Paths.get("target/classes");
    List<String> names;
    try (var files = Files.walk(classes)) {
      names =
          files
              .map(f -> classes.relativize(f).toString())
              .filter(f -> f.startsWith("io/pressroom/") && f.endsWith(".class"))
              .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
              .toList();
    }
    List<Endpoint> endpoints = new ArrayList<>();
    for (String name : names) {
      Class<?> type = Class.forName(name, false, SecuredOperationsTest.class.getClassLoader());
      Path root = type.getAnnotation(Path.class);
      if (root == null) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        for (var verb : VERBS.entrySet()) {
          if (method.isAnnotationPresent(verb.getKey())) {
            Path sub = method.getAnnotation(Path.class);
            String path = "/" + root.value() + (sub == null ? "" : "/" + sub.value());
            path = path.replaceAll("/+", "/");
            if (path.length() > 1 && path.endsWith("/")) {
              path = path.substring(0, path.length() - 1);
            }
            endpoints.add(
                new Endpoint(
                    verb.getValue(),
                    path,
                    secured(type, method),
                    type.getSimpleName() + "." + method.getName()));
          }
        }
      }
    }
    return endpoints;
  }

  private static boolean secured(Class<?> type, Method method) {
    if (method.isAnnotationPresent(PermitAll.class)) {
      return false;
    }
    if (method.isAnnotationPresent(RolesAllowed.class)
        || method.isAnnotationPresent(Authenticated.class)) {
      return true;
    }
    return type.isAnnotationPresent(RolesAllowed.class)
        || type.isAnnotationPresent(Authenticated.class);
  }
}
