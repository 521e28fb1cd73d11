package io.credbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LearnerRefTest {

    private static final Logger log = LoggerFactory.getLogger(LearnerRefTest.class);

    @Test
    void aStudentNumberIsShownAsAPseudonymTheSameForTheSameLearnerWithinARun() {
        String shown = LearnerRef.of("s4711042").toString();

        assertThat(shown).matches("<learner [0-9a-f]{8}>").doesNotContain("4711042");
        assertThat(LearnerRef.of("s4711042").toString()).isEqualTo(shown);
        assertThat(LearnerRef.of("s4711043").toString()).isNotEqualTo(shown);
        assertThat(LearnerRef.of("S4711042").toString())
                .as("an LMS may tell learners apart by case")
                .isNotEqualTo(shown);
    }

    @Test
    void aLearnerKnownByAnAddressGetsTheAddressesPseudonymSoBothWaysOfMeetingThemReadTheSame() {
        String shown = LearnerRef.of("mailto:Zoe.Ref@example.edu").toString();

        assertThat(shown)
                .matches("<e-mail [0-9a-f]{8}>")
                .isEqualTo(PersonalData.mask("zoe.ref@example.edu"))
                .isEqualTo(LearnerRef.of("zoe.ref@example.edu").toString());
    }

    @Test
    void withMaskingOffTheIdItselfIsShown() {
        assertThat(PersonalData.learner("s4711042", false)).isEqualTo("s4711042");
        assertThat(PersonalData.learner("s4711042", true)).startsWith("<learner ");
    }

    @Test
    void theLoggingContextSaysWhetherToMask(CapturedOutput output) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        String before = context.getProperty(LogMasking.PROPERTY);
        try {
            context.putProperty(LogMasking.PROPERTY, "false");
            assertThat(LearnerRef.of("s4711042")).hasToString("s4711042");

            context.putProperty(LogMasking.PROPERTY, "true");
            log.warn("learner {} could not be stored", LearnerRef.of("s4711042"));
            assertThat(output.getOut()).contains("learner <learner ").doesNotContain("4711042");
        } finally {
            // No value and "true" mean the same: masking on.
            context.putProperty(LogMasking.PROPERTY, before == null ? "true" : before);
        }
    }

    @Test
    void aMissingIdStaysVisiblyMissing() {
        assertThat(LearnerRef.of(null)).hasToString("null");
    }
}
