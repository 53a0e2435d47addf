package dev.standin.server.spaaza.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The budget of slow secret checks per address: failures use it up, right secrets give it back. */
class SecretCheckBudgetTest {

  @Test
  void anAddressGetsItsBudgetThenWaitsAndOthersAreNotTouched() {
    SecretCheckBudget budget = new SecretCheckBudget(3);
    for (int i = 0; i < 3; i++) {
      assertThat(budget.reserve("10.0.0.1")).isZero();
    }

    long wait = budget.reserve("10.0.0.1");

    assertThat(wait).as("nanoseconds until the next check").isPositive();
    assertThat(wait).isLessThanOrEqualTo(SecretCheckBudget.PERIOD.toNanos());
    assertThat(budget.reserve("10.0.0.2")).isZero();
  }

  @Test
  void aCheckWhoseSecretProvedRightIsGivenBack() {
    SecretCheckBudget budget = new SecretCheckBudget(2);
    for (int i = 0; i < 10; i++) { // ten right secrets in a row: none uses the budget up
      assertThat(budget.reserve("10.0.0.1")).isZero();
      budget.refund("10.0.0.1");
    }
    assertThat(budget.reserve("10.0.0.1")).isZero();
    assertThat(budget.reserve("10.0.0.1")).isZero();
    assertThat(budget.reserve("10.0.0.1")).isPositive();
  }

  @Test
  void aWrongAttemptIsRememberedAsSuch() {
    SecretCheckBudget budget = new SecretCheckBudget(2);

    budget.rememberWrong("token\nhash\ndigest-1");

    assertThat(budget.isKnownWrong("token\nhash\ndigest-1")).isTrue();
    assertThat(budget.isKnownWrong("token\nhash\ndigest-2")).isFalse();
    assertThat(budget.isKnownWrong("token\nother-hash\ndigest-1")).isFalse();
  }
}
