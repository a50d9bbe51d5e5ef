/** Slack: the Block Kit message and its delivery by webhook or {@code chat.postMessage}. */
@NullMarked
package io.stagewatch.notify.slack;

import org.jspecify.annotations.NullMarked;
