/**
 * Code shared across gex-core's packages that is not API: the Black-Scholes kernel and the finite checks
 * of the result records. Not exported by the module; it may change without notice.
 */
@NullMarked
package io.gex.internal;

import org.jspecify.annotations.NullMarked;
