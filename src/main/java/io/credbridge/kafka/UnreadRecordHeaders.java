package io.credbridge.kafka;

import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * For a consumer whose beans read only a record's topic, partition, offset, key and value ({@link ConsumedRecord}):
 * the record's own headers (the CloudEvents {@code ce_*} attributes) are not copied onto its exchange. The award
 * stage's batches are thousands of exchanges, and copying each record's headers into each exchange's
 * case-insensitive map showed in its profile (AwardStageBenchmark, JFR) for headers nothing read.
 */
@Component("unreadRecordHeaders")
public class UnreadRecordHeaders implements HeaderFilterStrategy {

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return true;
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return true;
    }
}
