package io.credbridge.transcript;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TranscriptConfiguration {

    @Bean
    TranscriptWriter transcriptWriter(CsvTranscriptProperties properties, Clock clock) {
        return new CsvTranscriptWriter(properties, clock);
    }
}
