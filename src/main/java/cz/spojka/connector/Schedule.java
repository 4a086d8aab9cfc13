package cz.spojka.connector;

import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.PeriodicTrigger;

/**
 * When the hub polls a connector after its first poll at start-up: every {@code interval} after the previous run
 * ended, or at the times of a cron expression. Push connectors (MQTT, webhook, file drop) have none.
 *
 * @param interval the time between runs, or {@code null}
 * @param cron a Spring cron expression (second minute hour day-of-month month day-of-week), or {@code null}
 */
public record Schedule(Duration interval, String cron) {

    public static Schedule every(Duration interval) {
        return new Schedule(interval, null);
    }

    public static Schedule cron(String expression) {
        return new Schedule(null, expression);
    }

    /** The polls after the first one, which runs {@code firstPollDelay} after start-up. */
    Trigger trigger(Duration firstPollDelay) {
        if (cron != null) {
            return new CronTrigger(cron);
        }
        PeriodicTrigger trigger = new PeriodicTrigger(interval);
        trigger.setInitialDelay(firstPollDelay.plus(interval));
        return trigger;
    }

    /**
     * The time between two polls: the interval, or for a cron expression the gap between its next two times from
     * now; {@code null} when the expression has no two next times.
     */
    Duration typicalInterval() {
        if (cron == null) {
            return interval;
        }
        CronExpression expression = CronExpression.parse(cron);
        LocalDateTime first = expression.next(LocalDateTime.now());
        LocalDateTime second = first == null ? null : expression.next(first);
        return second == null ? null : Duration.between(first, second);
    }

    @Override
    public String toString() {
        return cron != null ? "cron " + cron : "every " + interval;
    }
}
