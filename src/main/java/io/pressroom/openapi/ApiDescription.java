package io.pressroom.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The one OpenAPI filter: everything the annotations cannot say, or would say in fifty places, is
 * added here to the document that clients are generated from. One filter runs the steps in a fixed
 * order (a later step relies on an earlier one: optional sign-in is declared only on operations
 * that do not require a token, which {@link SecuredOperations} has already answered).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDescription implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    SecuredOperations.describe(openAPI);
    ApiTags.describe(openAPI);
    ApiSecurity.describe(openAPI);
    ApiHeaders.describe(openAPI);
    ApiSchemas.describe(openAPI);
  }
}
