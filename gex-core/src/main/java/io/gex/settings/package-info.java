/**
 * The conventions and settings of an analysis ({@link io.gex.settings.GexSettings}): rate, dividend yield,
 * sign convention, implied-volatility source, expiry selection, settlement times and the profile range.
 * Below both the engine ({@code io.gex}) and the calculators ({@code io.gex.analysis}), which read them.
 */
@NullMarked
package io.gex.settings;

import org.jspecify.annotations.NullMarked;
