/** Tests of the Redis cache level against a real Redis. */
@NullMarked
package io.gex.cache.redis;

import org.jspecify.annotations.NullMarked;
