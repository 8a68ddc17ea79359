package io.gex.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private final AtomicLong now = new AtomicLong();
  private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofMillis(100), now::get);

  @Test
  void failures_threeInARow_openItUntilTheIntervalPasses() {
    breaker.failure();
    breaker.failure();
    assertThat(breaker.tryAcquire()).isTrue();
    breaker.failure();

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.tryAcquire()).isFalse();
    now.addAndGet(Duration.ofMillis(99).toNanos());
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.timesOpened()).isEqualTo(1);
  }

  @Test
  void failure_thenSuccess_resetsTheCount() {
    breaker.failure();
    breaker.failure();
    breaker.success();
    breaker.failure();
    breaker.failure();

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void halfOpen_letsOneProbeThrough_andItsOutcomeDecides() {
    breaker.forceOpen();
    now.addAndGet(Duration.ofMillis(100).toNanos());

    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    assertThat(breaker.tryAcquire()).isFalse();
    breaker.failure();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.tryAcquire()).isFalse();

    now.addAndGet(Duration.ofMillis(100).toNanos());
    assertThat(breaker.tryAcquire()).isTrue();
    breaker.success();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.timesOpened()).isEqualTo(2);
  }

  @Test
  void new_badSettings_throwNamingThem() {
    assertThatThrownBy(() -> new CircuitBreaker(0, Duration.ofSeconds(1), now::get))
        .hasMessage("failureThreshold must be >= 1, was 0");
    assertThatThrownBy(() -> new CircuitBreaker(1, Duration.ZERO, now::get))
        .hasMessage("openInterval must be > 0, was PT0S");
  }
}
