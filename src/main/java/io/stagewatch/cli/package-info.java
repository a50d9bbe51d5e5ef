/** The picocli command line. Commands only parse options and call the other packages. */
@NullMarked
package io.stagewatch.cli;

import org.jspecify.annotations.NullMarked;
