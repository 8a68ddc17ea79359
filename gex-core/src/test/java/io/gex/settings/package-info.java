@NullMarked
package io.gex.settings;

import org.jspecify.annotations.NullMarked;
