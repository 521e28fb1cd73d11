package io.credbridge.kafka;

/** A record as the award stage received it, with where it came from so a dead letter can point back to it. */
public record ConsumedRecord(String topic, int partition, long offset, String key, byte[] value) {

    /** Identifies the record itself, for records whose payload cannot be read. */
    public String origin() {
        return "kafka:" + topic + "/" + partition + "/" + offset;
    }
}
