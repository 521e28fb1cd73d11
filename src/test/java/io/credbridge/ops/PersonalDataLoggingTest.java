package io.credbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.ContextBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The console configuration the application and the tests share (io/credbridge/ops/masked-console.xml). */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLoggingTest {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataLoggingTest.class);

    @Test
    void addressesInLogLinesAndInTheMessagesOfTheirStackTracesArePseudonymized(CapturedOutput output) {
        log.warn(
                "learner {} could not be stored",
                "mailto:zoe.logged@example.edu",
                new IllegalStateException("duplicate key value (learner_id)=(zoe.logged@example.edu)"));

        assertThat(output.getOut())
                .contains("learner <e-mail ")
                .contains("IllegalStateException: duplicate key value (learner_id)=(<e-mail ")
                .contains("at io.credbridge.ops.PersonalDataLoggingTest")
                .doesNotContain("zoe.logged@");
    }

    @Test
    void maskingIsOnUnlessConfiguredOff() {
        ContextBase context = new ContextBase();
        assertThat(LogMasking.enabled(context)).isTrue();

        context.putProperty(LogMasking.PROPERTY, "false");
        assertThat(LogMasking.enabled(context)).isFalse();

        context.putProperty(LogMasking.PROPERTY, "true");
        assertThat(LogMasking.enabled(context)).isTrue();
    }
}
