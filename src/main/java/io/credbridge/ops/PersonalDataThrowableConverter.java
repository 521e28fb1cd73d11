package io.credbridge.ops;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's {@code %wEx} (the stack trace after a log line), with e-mail addresses in the exception messages
 * pseudonymized as in {@link PersonalDataMessageConverter}: a database error quotes the value it refused.
 */
public class PersonalDataThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    private final LogMasking masking = new LogMasking();

    @Override
    public void start() {
        masking.start(getContext());
        super.start();
    }

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return masking.apply(super.throwableProxyToString(proxy));
    }
}
