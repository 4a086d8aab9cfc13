package cz.spojka.system;

import org.springframework.context.SmartLifecycle;

/**
 * A part of the hub that starts and stops in a fixed {@link SmartLifecycle} phase (ascending at start, descending at
 * stop), so that it runs while the parts it needs run: the broker first, then the change log, then its consumers.
 * It counts as running from a successful {@link #startUp} until {@link #shutDown}.
 */
public abstract class PhasedLifecycle implements SmartLifecycle {

    private final int phase;
    private volatile boolean running;

    protected PhasedLifecycle(int phase) {
        this.phase = phase;
    }

    protected abstract void startUp();

    protected abstract void shutDown();

    @Override
    public final void start() {
        startUp();
        running = true;
    }

    @Override
    public final void stop() {
        try {
            shutDown();
        } finally {
            running = false;
        }
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    @Override
    public final int getPhase() {
        return phase;
    }
}
