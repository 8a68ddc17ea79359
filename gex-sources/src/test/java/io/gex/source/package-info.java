/** Tests of the option-chain sources. */
@NullMarked
package io.gex.source;

import org.jspecify.annotations.NullMarked;
