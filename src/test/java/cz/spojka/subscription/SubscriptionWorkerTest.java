package cz.spojka.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.system.SpojkaProperties;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SubscriptionWorkerTest {

    @Test
    void theBackoffDoublesFromTheInitialWaitUpToTheLongest() {
        SpojkaProperties.Subscriptions config = new SpojkaProperties.Subscriptions(
                10, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(10), 500);
        assertThat(IntStream.rangeClosed(2, 11).mapToObj(attempt -> SubscriptionWorker.backoff(config, attempt)))
                .extracting(Duration::toSeconds)
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L);
    }
}
