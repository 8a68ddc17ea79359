/**
 * gex on Apache Flink: the job ({@link io.gex.flink.GexJob}) that keeps every underlying's live chain in
 * keyed state and re-analyses it on an event-time timer, its events ({@link io.gex.flink.GexEvent}, and their
 * JSON form {@link io.gex.flink.EventJson}), its sources, sinks and serializers. The module's README
 * describes the job, its state and how to run it on a cluster.
 */
@NullMarked
package io.gex.flink;

import org.jspecify.annotations.NullMarked;
