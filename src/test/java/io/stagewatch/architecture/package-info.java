@NullMarked
package io.stagewatch.architecture;

import org.jspecify.annotations.NullMarked;
