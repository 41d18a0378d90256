package io.polycell.infra.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What one class logs from the moment a test starts listening, debug records included: for facts
 * the system only logs, such as a host refusing a claim the scheduler thought it could take.
 */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final Level levelBefore;
    private final ListAppender<ILoggingEvent> records = new ListAppender<>();

    private CapturedLog(Class<?> source) {
        logger = (Logger) LoggerFactory.getLogger(source);
        levelBefore = logger.getLevel();
        records.start();
        logger.addAppender(records);
        logger.setLevel(Level.DEBUG);
    }

    /** Starts listening to what {@code source} logs. */
    public static CapturedLog of(Class<?> source) {
        return new CapturedLog(source);
    }

    /** The arguments of every record logged with this message pattern so far, in the order logged. */
    public List<Object[]> argumentsOf(String pattern) {
        synchronized (records) {
            return records.list.stream().filter(record -> record.getMessage().equals(pattern))
                    .map(ILoggingEvent::getArgumentArray).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(records);
        logger.setLevel(levelBefore);
        records.stop();
    }
}
