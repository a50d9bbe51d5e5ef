/**
 * The machine-readable result ({@code result.json}). The records here are the file's schema: fields
 * may be added, but existing ones keep their names and meaning.
 */
@NullMarked
package io.stagewatch.report.json;

import org.jspecify.annotations.NullMarked;
