package cz.spojka.connector;

import java.time.Duration;
import org.springframework.scheduling.Trigger;
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

    @Override
    public String toString() {
        return cron != null ? "cron " + cron : "every " + interval;
    }
}
