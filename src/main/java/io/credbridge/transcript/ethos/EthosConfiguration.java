package io.credbridge.transcript.ethos;

import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.transcript.ConditionalOnTranscriptTarget;
import io.credbridge.transcript.EntryTemplate;
import io.credbridge.transcript.GuardedTranscriptWriter;
import io.credbridge.transcript.SisResponses;
import io.credbridge.transcript.TemplateFiles;
import io.credbridge.transcript.TranscriptEntry.Action;
import io.credbridge.transcript.TranscriptProperties;
import io.credbridge.transcript.TranscriptReadBack;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The Ethos adapter, active when entries can go to {@code ethos} (the target, or a route's). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnTranscriptTarget(TranscriptProperties.Target.ETHOS)
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
    GuardedTranscriptWriter ethosTranscriptWriter(
            EthosConnection ethos,
            EthosPersons persons,
            TranscriptProperties properties,
            ResourceLoader resources,
            CredBridgeMetrics metrics,
            Clock clock) {
        EthosSettings settings = properties.ethos();
        EthosTranscriptWriter writer = writer(ethos, persons, settings, resources, clock);
        if (settings.checkResource()) {
            new EthosResourceCheck(ethos, settings).verify();
        }
        return GuardedTranscriptWriter.of(writer, properties, metrics);
    }

    /** Reconciliation reads the learners' records back from the resource written. */
    @Bean
    TranscriptReadBack ethosTranscriptReadBack(
            EthosConnection ethos,
            EthosPersons persons,
            TranscriptProperties properties,
            ResourceLoader resources,
            Clock clock) {
        return readBack(ethos, persons, properties.ethos(), resources, clock);
    }

    static EthosReadBack readBack(
            EthosConnection ethos,
            EthosPersons persons,
            EthosSettings settings,
            ResourceLoader resources,
            Clock clock) {
        return new EthosReadBack(
                ethos,
                settings,
                writer(ethos, persons, settings, resources, clock),
                persons,
                new SisResponses(EthosConnection.TARGET, clock));
    }

    static EthosTranscriptWriter writer(
            EthosConnection ethos,
            EthosPersons persons,
            EthosSettings settings,
            ResourceLoader resources,
            Clock clock) {
        Map<Action, EntryTemplate> templates = templates(settings, new TemplateFiles(resources));
        return new EthosTranscriptWriter(
                ethos, settings, templates, persons, new SisResponses(EthosConnection.TARGET, clock), clock);
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
