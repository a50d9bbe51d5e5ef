/** The JUnit XML report ({@code junit.xml}) that CI servers read. */
@NullMarked
package io.stagewatch.report.junit;

import org.jspecify.annotations.NullMarked;
