/** HTTP checks with the JDK HttpClient. */
@NullMarked
package io.stagewatch.check.http;

import org.jspecify.annotations.NullMarked;
