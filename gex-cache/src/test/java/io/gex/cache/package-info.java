/** Tests of the analysis caches. */
@NullMarked
package io.gex.cache;

import org.jspecify.annotations.NullMarked;
