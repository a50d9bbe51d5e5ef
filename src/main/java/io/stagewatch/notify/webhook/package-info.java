/** Webhook notifications: a JSON POST to any URL, from a template, optionally signed. */
@NullMarked
package io.stagewatch.notify.webhook;

import org.jspecify.annotations.NullMarked;
