package io.credbridge.transcript.ethos;

import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.transcript.EntryTemplate;
import io.credbridge.transcript.GuardedTranscriptWriter;
import io.credbridge.transcript.SisResponses;
import io.credbridge.transcript.TemplateFiles;
import io.credbridge.transcript.TranscriptEntry.Action;
import io.credbridge.transcript.TranscriptProperties;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The Ethos adapter, active with {@code credbridge.transcript.target: ethos}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "credbridge.transcript.target", havingValue = "ethos")
class EthosConfiguration {

    @Bean
    EthosConnection ethosConnection(TranscriptProperties properties, Clock clock) {
        return EthosConnection.of(properties.ethos(), clock);
    }

    /** The identity port: learners the mapping table does not know are looked up among Ethos persons. */
    @Bean
    EthosPersons ethosPersons(EthosConnection ethos, TranscriptProperties properties, Clock clock) {
        return new EthosPersons(ethos, properties.ethos().persons(), new SisResponses(EthosConnection.TARGET, clock));
    }

    @Bean
    GuardedTranscriptWriter transcriptWriter(
            EthosConnection ethos,
            EthosPersons persons,
            TranscriptProperties properties,
            ResourceLoader resources,
            CredBridgeMetrics metrics,
            Clock clock) {
        EthosSettings settings = properties.ethos();
        Map<Action, EntryTemplate> templates = templates(settings, new TemplateFiles(resources));
        if (settings.checkResource()) {
            new EthosResourceCheck(ethos, settings).verify();
        }
        EthosTranscriptWriter writer = new EthosTranscriptWriter(
                ethos, settings, templates, persons, new SisResponses(EthosConnection.TARGET, clock), clock);
        return GuardedTranscriptWriter.of(writer, properties, metrics);
    }

    static Map<Action, EntryTemplate> templates(EthosSettings settings, TemplateFiles files) {
        String prefix = "credbridge.transcript.ethos.templates.";
        Map<Action, EntryTemplate> templates = new EnumMap<>(Action.class);
        templates.put(
                Action.ISSUED,
                files.json(prefix + "issued", settings.templates().issued()));
        if (settings.ending() != EthosSettings.Ending.DELETE) {
            templates.put(
                    Action.REVOKED,
                    files.json(prefix + "revoked", settings.templates().revoked()));
            templates.put(
                    Action.EXPIRED,
                    files.json(prefix + "expired", settings.templates().expired()));
        }
        return templates;
    }
}
