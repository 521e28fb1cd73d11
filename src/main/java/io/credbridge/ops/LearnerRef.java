package io.credbridge.ops;

import ch.qos.logback.core.Context;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * A learner id on its way into text that leaves the process: a log line, an exception message that gets logged, a
 * dead-letter reason. Its text is a pseudonym such as {@code <learner 3f9a0c1d>} (an e-mail address gives the
 * {@code <e-mail ...>} of {@link PersonalData#mask}), the same for the same id within a run, so one learner's lines
 * can still be followed. Student numbers and LMS user ids look like any other number, so they cannot be found in
 * arbitrary text the way addresses are; the code that knows it holds a learner id says so with this type instead.
 * {@code credbridge.logging.mask-personal-data: false} shows the id itself.
 */
public record LearnerRef(String id) {

    public static LearnerRef of(String id) {
        return new LearnerRef(id);
    }

    /** The two ids one learner goes by, CredBridge's and the SIS's person id (either may be null), to hide both. */
    public static List<LearnerRef> both(String learnerId, String sisPersonId) {
        return List.of(of(learnerId), of(sisPersonId));
    }

    @Override
    public String toString() {
        return PersonalData.learner(id, maskingOn());
    }

    /** Read when the text is made, from the logging context that logback-spring.xml fills from the Spring property. */
    private static boolean maskingOn() {
        return !(LoggerFactory.getILoggerFactory() instanceof Context context) || LogMasking.enabled(context);
    }
}
