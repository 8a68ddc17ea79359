/**
 * Code shared across gex-core's packages that is not API: the Black-Scholes kernel, the finite checks
 * of the result records, and the columns of a chain's contracts. Depends on no other package of gex-core.
 * Not exported by the module; it may change without notice.
 */
@NullMarked
package io.gex.internal;

import org.jspecify.annotations.NullMarked;
