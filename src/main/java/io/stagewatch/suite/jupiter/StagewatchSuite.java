package io.stagewatch.suite.jupiter;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a Jupiter class as a stagewatch Java suite. Its test methods may take a REST Assured {@code
 * RequestSpecification} (base URI and headers of the selected environment, timeouts set) or a
 * {@link StagingEnvironment} as parameters.
 *
 * <pre>{@code
 * @StagewatchSuite
 * @Tag("smoke")
 * class CheckoutApiSuite {
 *   @Test
 *   void cartCanBeRead(RequestSpecification api) {
 *     given(api).get("/api/cart/demo").then().statusCode(200);
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(EnvironmentExtension.class)
public @interface StagewatchSuite {}
