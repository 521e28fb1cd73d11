package io.credbridge.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventsHeaderNamesTest {

    private final CloudEventsHeaderNames interceptor = new CloudEventsHeaderNames();

    @Test
    void camelsContentTypeSpellingIsSentAsTheBindingsContentType() {
        ProducerRecord<Object, Object> record = record();
        record.headers().add("ce_id", bytes("e-1"));
        record.headers().add("Content-Type", bytes("application/avro"));

        ProducerRecord<Object, Object> sent = interceptor.onSend(record);

        assertThat(sent.headers().lastHeader("Content-Type")).isNull();
        assertThat(text(sent.headers().lastHeader("content-type"))).isEqualTo("application/avro");
        assertThat(text(sent.headers().lastHeader("ce_id"))).isEqualTo("e-1");
    }

    @Test
    void aRecordAlreadyInTheBindingsSpellingIsLeftAlone() {
        ProducerRecord<Object, Object> record = record();
        record.headers().add("content-type", bytes("application/avro"));
        record.headers().add("dlt_reason", bytes("why"));

        ProducerRecord<Object, Object> sent = interceptor.onSend(record);

        assertThat(sent.headers().toArray()).extracting(Header::key).containsExactly("content-type", "dlt_reason");
    }

    @Test
    void theMisspelledValueWinsOverAStaleBindingSpelledOne() {
        ProducerRecord<Object, Object> record = record();
        record.headers().add("content-type", bytes("text/plain"));
        record.headers().add("CONTENT-TYPE", bytes("application/avro"));

        ProducerRecord<Object, Object> sent = interceptor.onSend(record);

        assertThat(sent.headers().headers("content-type"))
                .singleElement()
                .satisfies(header -> assertThat(text(header)).isEqualTo("application/avro"));
        assertThat(sent.headers().lastHeader("CONTENT-TYPE")).isNull();
    }

    @Test
    void everyProducerGetsTheInterceptorBesideAnyConfiguredOnes() {
        Properties none = new Properties();
        Properties others = new Properties();
        others.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, "com.example.Tracing");
        Properties already = new Properties();
        already.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, CloudEventsHeaderNames.class.getName());

        assertThat(CredBridgeKafkaClients.interceptors(none)).isEqualTo(CloudEventsHeaderNames.class.getName());
        assertThat(CredBridgeKafkaClients.interceptors(others))
                .isEqualTo("com.example.Tracing," + CloudEventsHeaderNames.class.getName());
        assertThat(CredBridgeKafkaClients.interceptors(already)).isEqualTo(CloudEventsHeaderNames.class.getName());
    }

    private static ProducerRecord<Object, Object> record() {
        return new ProducerRecord<>("topic", null, null, "key", new byte[0], new RecordHeaders());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
