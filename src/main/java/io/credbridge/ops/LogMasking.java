package io.credbridge.ops;

import ch.qos.logback.core.Context;

/**
 * Whether the log converters hide personal data, read once when a converter starts: on unless
 * {@code credbridge.logging.mask-personal-data} is false.
 */
final class LogMasking {

    /** The logback context property logback-spring.xml sets from the Spring property. */
    static final String PROPERTY = "CREDBRIDGE_MASK_PERSONAL_DATA";

    private boolean enabled = true;

    static boolean enabled(Context context) {
        String value = context == null ? null : context.getProperty(PROPERTY);
        return !"false".equalsIgnoreCase(value == null ? "" : value.strip());
    }

    void start(Context context) {
        enabled = enabled(context);
    }

    String apply(String text) {
        return enabled ? PersonalData.mask(text) : text;
    }
}
