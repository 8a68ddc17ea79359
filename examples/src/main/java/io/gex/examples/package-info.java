/**
 * Runnable examples of the gex library: {@link io.gex.examples.QuickStart} (load a real CBOE snapshot,
 * analyse it, print the headline levels) and {@link io.gex.examples.WebhookAlertListener} (forward alerts to
 * an HTTP endpoint as JSON).
 */
@NullMarked
package io.gex.examples;

import org.jspecify.annotations.NullMarked;
