/** gex: dealer gamma-exposure analytics. Start at {@link io.gex.GexEngine}. */
@NullMarked
package io.gex;

import org.jspecify.annotations.NullMarked;
