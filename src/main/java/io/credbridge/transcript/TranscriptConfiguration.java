package io.credbridge.transcript;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The flat-file adapter, the zero-setup default; the Ethos and REST adapters configure themselves when chosen. */
@Configuration(proxyBeanMethods = false)
class TranscriptConfiguration {

    @Bean
    @ConditionalOnTranscriptTarget(TranscriptProperties.Target.CSV)
    TranscriptWriter csvTranscriptWriter(CsvTranscriptProperties properties, Clock clock) {
        return new CsvTranscriptWriter(properties, clock);
    }
}
