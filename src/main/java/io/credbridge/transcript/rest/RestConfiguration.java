package io.credbridge.transcript.rest;

import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.transcript.BearerTokens;
import io.credbridge.transcript.ConditionalOnTranscriptTarget;
import io.credbridge.transcript.EntryTemplate;
import io.credbridge.transcript.GuardedTranscriptWriter;
import io.credbridge.transcript.SisCredentials;
import io.credbridge.transcript.SisHttp;
import io.credbridge.transcript.SisResponses;
import io.credbridge.transcript.TemplateFiles;
import io.credbridge.transcript.TranscriptEntry.Action;
import io.credbridge.transcript.TranscriptProperties;
import io.credbridge.transcript.TranscriptReadBack;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The generic REST adapter, active when entries can go to {@code rest} (the target, or a route's). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnTranscriptTarget(TranscriptProperties.Target.REST)
class RestConfiguration {

    @Bean
    GuardedTranscriptWriter restTranscriptWriter(
            TranscriptProperties properties, ResourceLoader resources, CredBridgeMetrics metrics, Clock clock) {
        return GuardedTranscriptWriter.of(
                writer(properties.rest(), new TemplateFiles(resources), clock), properties, metrics);
    }

    /** Reconciliation reads a learner's records back, when a read URL is configured. */
    @Bean
    @ConditionalOnProperty(name = "credbridge.transcript.rest.read-back.url")
    TranscriptReadBack restTranscriptReadBack(TranscriptProperties properties, ResourceLoader resources, Clock clock) {
        return readBack(properties.rest(), new TemplateFiles(resources), clock);
    }

    static RestReadBack readBack(RestSettings settings, TemplateFiles files, Clock clock) {
        return new RestReadBack(
                writer(settings, files, clock),
                settings.readBack(),
                settings.values(),
                new SisResponses(RestTranscriptWriter.TARGET, clock));
    }

    static RestTranscriptWriter writer(RestSettings settings, TemplateFiles files, Clock clock) {
        HttpClient client = SisHttp.client(settings.connectTimeout());
        SisCredentials credentials = settings.oauth2() == null
                ? new ApiKeyHeader(settings.apiKey())
                : new BearerTokens(
                        new OAuth2ClientCredentials(
                                new SisHttp(
                                        RestTranscriptWriter.TARGET,
                                        client,
                                        SisCredentials.NONE,
                                        settings.requestTimeout()),
                                settings.oauth2()),
                        settings.oauth2().refreshMargin(),
                        clock);
        Map<Action, RestTranscriptWriter.Call> calls = new EnumMap<>(Action.class);
        calls.put(Action.ISSUED, call("issued", settings.issued(), files));
        calls.put(Action.REVOKED, call("revoked", settings.revoked(), files));
        calls.put(Action.EXPIRED, call("expired", settings.expired(), files));
        return new RestTranscriptWriter(
                new SisHttp(RestTranscriptWriter.TARGET, client, credentials, settings.requestTimeout()),
                calls,
                settings,
                new SisResponses(RestTranscriptWriter.TARGET, clock),
                clock);
    }

    private static RestTranscriptWriter.Call call(String action, RestSettings.Call call, TemplateFiles files) {
        String setting = "credbridge.transcript.rest." + action;
        EntryTemplate body =
                call.body() == null || call.body().isBlank() ? null : files.json(setting + ".body", call.body());
        return new RestTranscriptWriter.Call(call.method(), EntryTemplate.url(setting + ".url", call.url()), body);
    }
}
