package io.pressroom.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The arithmetic of sharing one limit between instances, without any store. */
class SharesTest {

  private static final long MINUTE = Duration.ofMinutes(1).toNanos();

  @Test
  void eachInstanceGetsItsPartOfTheTolerance() {
    assertThat(Shares.unsynchronised(300, 0.1, 3)).isEqualTo(10);
    assertThat(Shares.unsynchronised(1200, 0.1, 3)).isEqualTo(40);
    assertThat(Shares.unsynchronised(6000, 0.1, 3)).isEqualTo(200);
    assertThat(Shares.unsynchronised(300, 0.1, 1)).isEqualTo(30);
  }

  @Test
  void smallLimitsAreExact() {
    assertThat(Shares.unsynchronised(5, 0.1, 3)).isZero();
    assertThat(Shares.unsynchronised(20, 0.1, 3)).isZero();
    assertThat(Shares.unsynchronised(300, 0, 3)).isZero();
  }

  @Test
  void theWorstExcessOfAllInstancesStaysWithinTheTolerance() {
    for (int limit : new int[] {1, 5, 10, 29, 30, 31, 40, 300, 1200, 6000, 1_000_000}) {
      for (int instances = 1; instances <= 10; instances++) {
        assertThat(Shares.worstExcess(limit, 0.1, instances))
            .as("limit %d with %d instances", limit, instances)
            .isLessThanOrEqualTo((long) Math.floor(limit * 0.1));
      }
    }
  }

  @Test
  void aSyncStartsHalfWayThroughTheShare() {
    assertThat(Shares.syncThreshold(10)).isEqualTo(5);
    assertThat(Shares.syncThreshold(1)).isEqualTo(1);
    assertThat(Shares.syncThreshold(3)).isEqualTo(2);
  }

  @Test
  void bucketsRefillEvenlyUpToTheirCapacity() {
    assertThat(Shares.refilled(0, MINUTE / 2, 300, MINUTE)).isEqualTo(150.0);
    assertThat(Shares.refilled(-20, MINUTE / 10, 300, MINUTE)).isEqualTo(10.0);
    assertThat(Shares.refilled(290, MINUTE, 300, MINUTE)).isEqualTo(300.0);
    assertThat(Shares.secondsUntilOne(0, 60, 60)).isEqualTo(1);
    assertThat(Shares.secondsUntilOne(-29, 60, 60)).isEqualTo(30);
    assertThat(Shares.secondsUntilFull(40, 39, 60)).isEqualTo(2);
    assertThat(Shares.secondsUntilFull(40, 40, 60)).isZero();
  }

  @Test
  void aShareDecidesAloneUntilItsUncountedTokensReachTheShare() {
    Share share = new Share("address/300/60:x", 300, MINUTE, 10, 0);
    for (int i = 0; i < 10; i++) {
      Decision decision = share.tryTake(0);
      assertThat(decision.allowed()).isTrue();
      assertThat(decision.remaining()).isEqualTo(299 - i);
    }
    assertThat(share.tryTake(0)).as("the store must count first").isNull();

    Long charged = share.begin(new CompletableFuture<>());
    assertThat(charged).isEqualTo(10);
    assertThat(share.tryTake(0)).as("the charge is not counted yet").isNull();
    share.synced(290, 0);
    assertThat(share.tryTake(0).remaining()).isEqualTo(289);
  }

  @Test
  void aShareRefusesLocallyWhenTheStoreSaidTheBucketIsEmpty() {
    Share share = new Share("address/60/60:x", 60, MINUTE, 2, 0);
    share.begin(new CompletableFuture<>());
    share.synced(-3, 0);
    Decision refused = share.tryTake(0);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(4);
    assertThat(share.tryTake(Duration.ofSeconds(4).toNanos()).allowed()).isTrue();
  }
}
