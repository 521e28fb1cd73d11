package io.credbridge.transcript;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * An adapter's configuration that applies when entries can go to its target: it is {@code credbridge.transcript.target}
 * or a route's ({@code credbridge.transcript.routes.*}). Several adapters can so be active at once.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnTranscriptTarget.class)
public @interface ConditionalOnTranscriptTarget {

    TranscriptProperties.Target value();
}
