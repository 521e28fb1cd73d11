package io.credbridge.award;

import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.deadletter.DeadLetterRecorder;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.OutboxRelay;
import io.credbridge.outbox.OutboxStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class AwardConfiguration {

    @Bean
    CredentialEvaluator credentialEvaluator(CredentialCatalog catalog, Clock clock) {
        return new CredentialEvaluator(catalog, clock);
    }

    @Bean
    AwardStage awardStage(
            LearningEventIntake intake,
            ProcessedEventLog processedEvents,
            AwardLedger ledger,
            CredentialEvaluator evaluator,
            OutboxStore outbox,
            DeadLetterRecorder deadLetters,
            OutboxRelay relay,
            TransactionTemplate transactions,
            CredBridgeMetrics metrics,
            Clock clock) {
        return new AwardStage(intake, processedEvents, ledger, evaluator, outbox, deadLetters, relay, transactions,
                metrics, clock);
    }
}
