package io.credbridge.ingest.canvas;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Ids for Canvas-format events, which carry none: a name-based UUID (RFC 4122 version 3) over the event name, the
 * Canvas instance, the ids of what it is about and the values it reports, and its {@code event_time}. A delivery
 * Canvas retries gets the same id, so the award stage counts it once. A {@code course_completed} Canvas fires again
 * later (it does when a module's completion time is set or changed) has another {@code event_time} and so another
 * id: it is a new fact, and the award stage, which keeps an earned credential, awards nothing twice for it.
 */
final class CanvasEventIds {

    private CanvasEventIds() {}

    static String of(String eventName, String instance, String eventTime, List<String> meaningfulFields) {
        StringBuilder name = new StringBuilder("canvas-live-event")
                .append('\n')
                .append(eventName)
                .append('\n')
                .append(instance)
                .append('\n')
                .append(eventTime);
        // A separator no field holds keeps ("ab","c") and ("a","bc") apart.
        meaningfulFields.forEach(field -> name.append('\u001f').append(field));
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
