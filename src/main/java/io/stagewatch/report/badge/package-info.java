/**
 * Status badges for READMEs and dashboards: small SVG images in the style shields.io made common.
 */
@NullMarked
package io.stagewatch.report.badge;

import org.jspecify.annotations.NullMarked;
