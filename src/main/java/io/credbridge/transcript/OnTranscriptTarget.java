package io.credbridge.transcript;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Reads only the target names, before the transcript properties are bound and validated as a whole (a mistake in them
 * is reported by that validation, with its message, rather than here).
 */
class OnTranscriptTarget extends SpringBootCondition {

    private static final String PREFIX = "credbridge.transcript.";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes =
                metadata.getAnnotationAttributes(ConditionalOnTranscriptTarget.class.getName());
        TranscriptProperties.Target wanted = (TranscriptProperties.Target) attributes.get("value");
        Set<TranscriptProperties.Target> inUse = targetsInUse(Binder.get(context.getEnvironment()));
        return inUse.contains(wanted)
                ? ConditionOutcome.match("transcript entries can go to " + wanted.code())
                : ConditionOutcome.noMatch("no transcript entry goes to " + wanted.code() + "; targets: " + inUse);
    }

    static Set<TranscriptProperties.Target> targetsInUse(Binder binder) {
        Set<TranscriptProperties.Target> inUse = EnumSet.noneOf(TranscriptProperties.Target.class);
        inUse.add(binder.bind(PREFIX + "target", TranscriptProperties.Target.class)
                .orElse(TranscriptProperties.Target.CSV));
        binder.bind(PREFIX + "routes", Bindable.listOf(TranscriptProperties.Route.class)).orElse(List.of()).stream()
                .map(TranscriptProperties.Route::target)
                .filter(Objects::nonNull)
                .forEach(inUse::add);
        return inUse;
    }
}
