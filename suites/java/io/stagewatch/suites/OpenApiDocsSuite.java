package io.stagewatch.suites;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.specification.RequestSpecification;
import io.stagewatch.suite.jupiter.StagewatchSuite;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The API documentation is served and describes the API. */
@StagewatchSuite
@Tag("smoke")
@Tag("api")
@Tag("openapi")
class OpenApiDocsSuite {

  @Test
  @DisplayName("api docs are a valid OpenAPI 3 document with paths")
  void apiDocsListAtLeastOnePath(RequestSpecification api) {
    given(api)
        .accept("application/json")
        .when()
        .get("/openapi.json")
        .then()
        .statusCode(200)
        .body("openapi", startsWith("3."))
        .body("info.title", not(org.hamcrest.Matchers.emptyOrNullString()))
        .body("paths", not(anEmptyMap()));
  }
}
