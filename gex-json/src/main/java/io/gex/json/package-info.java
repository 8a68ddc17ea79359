/** Jackson mapping of gex values. */
@NullMarked
package io.gex.json;

import org.jspecify.annotations.NullMarked;
