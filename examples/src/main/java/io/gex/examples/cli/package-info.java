/**
 * The {@code gex} command line: {@link io.gex.examples.cli.GexCli} ({@code analyze}, {@code report},
 * {@code sources}), packaged as {@code examples/target/gex.jar} and run by the {@code ./gex} launcher.
 */
@NullMarked
package io.gex.examples.cli;

import org.jspecify.annotations.NullMarked;
