/**
 * Code of gex-flink shared across its packages that is not API: it may change without notice.
 */
@NullMarked
package io.gex.flink.internal;

import org.jspecify.annotations.NullMarked;
