package io.credbridge.ops;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The {@code %m} of every log line, with e-mail addresses pseudonymized unless
 * {@code credbridge.logging.mask-personal-data} is false (see logback-spring.xml).
 */
public class PersonalDataMessageConverter extends MessageConverter {

    private final LogMasking masking = new LogMasking();

    @Override
    public void start() {
        masking.start(getContext());
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        return masking.apply(super.convert(event));
    }
}
