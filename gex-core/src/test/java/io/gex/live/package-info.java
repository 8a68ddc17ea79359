@NullMarked
package io.gex.live;

import org.jspecify.annotations.NullMarked;
