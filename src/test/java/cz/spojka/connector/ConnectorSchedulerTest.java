package cz.spojka.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

class ConnectorSchedulerTest {

    private static final ConnectorDefinition POLLED = new ConnectorDefinition(
            "x",
            "x",
            null,
            Path.of("."),
            "t",
            Map.of(),
            Schedule.every(Duration.ofHours(1)),
            false,
            null,
            null,
            List.of(),
            Resilience.defaults(Schedule.every(Duration.ofHours(1))));

    @TempDir
    Path dir;

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final ThreadPoolTaskScheduler tasks = new ThreadPoolTaskScheduler();
    private final AtomicInteger polls = new AtomicInteger();
    private ConnectorScheduler scheduler;

    @BeforeEach
    void start() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ConnectorScheduler.pollEndpoint("x")).process(exchange -> polls.incrementAndGet());
            }
        });
        camel.start();
        tasks.initialize();
        scheduler = new ConnectorScheduler(camel, tasks, new Connectors(new RunHistory(dir)), new SourceBreakers());
    }

    @AfterEach
    void stop() {
        tasks.shutdown();
        camel.stop();
    }

    @Test
    void aScheduledFirstPollRuns() {
        scheduler.schedule(POLLED, Duration.ofMillis(200));
        await().atMost(Duration.ofSeconds(5)).until(() -> polls.get() == 1);
    }

    @Test
    void noPollRunsOnceStoppedNotEvenAFirstPollStillDue() throws InterruptedException {
        scheduler.schedule(POLLED, Duration.ofMillis(200));
        scheduler.stop();
        Thread.sleep(600);
        assertThat(polls).hasValue(0);
    }
}
