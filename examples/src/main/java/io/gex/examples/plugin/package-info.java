/**
 * An example alert-rule plugin, packaged the way a third party would package one: {@link
 * io.gex.examples.plugin.ZeroGammaShiftRule} is declared in {@code META-INF/services/io.gex.alerts.AlertRule}
 * and with {@code provides} in {@code module-info.java}, and the {@link io.gex.alerts.AlertEngine} finds it
 * without being told.
 */
@NullMarked
package io.gex.examples.plugin;

import org.jspecify.annotations.NullMarked;
