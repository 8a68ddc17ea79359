/** Tests of the SPI discovery. */
@NullMarked
package io.gex.spi;

import org.jspecify.annotations.NullMarked;
