package io.pressroom.webhook;

import io.pressroom.PressroomConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The target policy of this instance, from {@code pressroom.webhooks.*}. */
class TargetPolicies {

  @Produces
  @Singleton
  TargetPolicy policy(PressroomConfig config) {
    return new TargetPolicy(config.webhooks().allowHttp(), config.webhooks().allowPrivateTargets());
  }
}
